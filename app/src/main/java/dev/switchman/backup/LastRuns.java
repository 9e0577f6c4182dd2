package dev.switchman.backup;

import dev.switchman.desired.CronExpression;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * When each database's scheduled backup and restore drill last ran, read from the catalog so it survives
 * restarts and leader changes (the newest scheduled attempt, failed ones included; the newest drill).
 * This process's own attempts count too: one that left no row (its destination could not even be
 * opened) must not be retried every tick.
 */
final class LastRuns {

    /** The two scheduled jobs of a database. */
    enum Job { BACKUP, DRILL }

    private final BackupCatalog catalog;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> attempted = new ConcurrentHashMap<>();

    LastRuns(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether {@code job} is due at {@code now} under {@code cron} (see {@link CatchUp}). */
    boolean due(Job job, DesiredEnvironment env, DatabaseSpec db, String cron, Instant now) {
        String key = key(job, env, db);
        Instant seen = firstSeen.computeIfAbsent(key, k -> now);
        Optional<Instant> last = Stream.concat(stored(job, env, db).stream(),
                Optional.ofNullable(attempted.get(key)).stream()).max(Instant::compareTo);
        return CatchUp.due(CronExpression.parse(cron), last, seen, now);
    }

    void attempted(Job job, DesiredEnvironment env, DatabaseSpec db, Instant at) {
        attempted.put(key(job, env, db), at);
    }

    /** The newest start the catalog has for {@code job}. */
    Optional<Instant> stored(Job job, DesiredEnvironment env, DatabaseSpec db) {
        return switch (job) {
            case BACKUP -> catalog.newest(env.project(), env.name(), db.name(), BackupReason.SCHEDULED)
                    .map(CatalogEntry::startedAt);
            case DRILL -> catalog.drills(env.project(), env.name(), db.name(), 1).stream().findFirst()
                    .map(BackupCatalog.DrillRecord::startedAt);
        };
    }

    private static String key(Job job, DesiredEnvironment env, DatabaseSpec db) {
        return job + " " + env.qualifiedName() + "/" + db.name();
    }
}
