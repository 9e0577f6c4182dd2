package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.SchemaBaselines.Baseline;
import dev.switchman.migrate.SchemaBaselines.Reported;
import dev.switchman.notify.Notification;
import dev.switchman.notify.NotificationKind;
import dev.switchman.notify.Notifier;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Schema drift: right after Switchman migrates a physical database it records the schema's snapshot
 * ({@link SchemaBaselines}); every check compares the live schema with it and reports a hand-made change
 * ({@code SchemaDrift}: an event naming the objects, a {@code schemaDrift} notification, a warning in the
 * log) once per state, and its end ({@code SchemaDriftResolved}) once. It reads the catalog at most once
 * per {@code interval} per physical database, whichever environment asks, and never changes the schema.
 */
public final class SchemaWatch {

    private static final Logger LOG = Logger.getLogger(SchemaWatch.class);

    private final SchemaBaselines baselines;
    private final EventRepository events;
    private final Notifier notifier;
    private final Duration interval;
    private final Clock clock;
    private final Map<DatabaseKey, Read> lastRead = new ConcurrentHashMap<>();

    private record Read(Instant at, SchemaSnapshot schema) {
    }

    /** @param interval the shortest time between two reads of one database's catalog */
    public SchemaWatch(SchemaBaselines baselines, EventRepository events, Notifier notifier, Duration interval,
            Clock clock) {
        this.baselines = baselines;
        this.events = events;
        this.notifier = notifier;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * After the gate's pass over a database: a migration records the new schema; a database with nothing
     * to migrate and no schema recorded yet (migrated before Switchman recorded schemas) has today's adopted.
     */
    void afterPass(MigrationTarget target, MigrationOutcome outcome) {
        String by = target.environment() + " database " + target.database();
        switch (outcome) {
            case MigrationOutcome.Applied applied -> record(target, applied.versions().getLast(), by);
            case MigrationOutcome.UpToDate upToDate when baselines.baseline(target.key()).isEmpty() ->
                    record(target, null, by + " (adopted: no schema was recorded after an earlier migration)");
            default -> {
            }
        }
    }

    private void record(MigrationTarget target, String migratedTo, String by) {
        SchemaSnapshot schema = SchemaCatalog.read(target);
        Instant now = clock.instant();
        baselines.record(target.key(), new Baseline(schema, migratedTo, by, now));
        lastRead.put(target.key(), new Read(now, schema));
        LOG.infof("%s: schema recorded (%d objects, %s)", target.label(), schema.objects().size(), schema.fingerprint());
    }

    /** Compares the live schema of {@code target} with its recorded one and reports a new state. */
    void check(DesiredEnvironment environment, DatabaseSpec database, MigrationTarget target) {
        Optional<Baseline> baseline = baselines.baseline(target.key());
        if (baseline.isEmpty()) {
            return;
        }
        Read read = live(target);
        List<SchemaDifference> differences = SchemaComparison.compare(baseline.get().schema(), read.schema(),
                database.migrations().schemaDriftIgnore());
        List<String> lines = differences.stream().map(SchemaDifference::toString).toList();
        String state = differences.isEmpty() ? SchemaBaselines.IN_SYNC : SchemaSnapshot.fingerprint(String.join("\n", lines));
        Optional<Reported> previous = baselines.reported(environment.qualifiedName(), database.name());
        String previousState = previous.map(Reported::state).orElse(SchemaBaselines.IN_SYNC);
        if (previous.isEmpty() || !previousState.equals(state) || previous.get().checkedAt().isBefore(read.at())) {
            baselines.report(environment.qualifiedName(), database.name(), new Reported(state, lines, read.at()));
        }
        if (previousState.equals(state)) {
            return;
        }
        if (differences.isEmpty()) {
            announce(environment, database, "Normal", "SchemaDriftResolved", NotificationKind.SCHEMA_DRIFT_RESOLVED,
                    state, database.name() + ": the live schema matches the one recorded after the last migration again",
                    lines);
        } else {
            LOG.warnf("%s: schema drift: %s", target.label(), lines);
            announce(environment, database, "Warning", "SchemaDrift", NotificationKind.SCHEMA_DRIFT, state,
                    describe(database.name(), baseline.get(), lines), lines);
        }
    }

    /** The sentence a person reads: what differs, from which recorded schema, and what Switchman will not do. */
    static String describe(String database, Baseline baseline, List<String> differences) {
        return database + ": the live schema differs from the one " + recorded(baseline) + ": "
                + String.join("; ", differences) + ". " + WHAT_TO_DO;
    }

    /** What a person can do about drift: Switchman itself never changes the schema. */
    public static final String WHAT_TO_DO = "Switchman never changes the schema itself: put the objects back, write a"
            + " migration that makes the change, or list them under migrations.schemaDrift.ignore";

    /** {@code recorded after V2 by shop/production database app at <time>}. */
    public static String recorded(Baseline baseline) {
        return "recorded " + (baseline.migratedTo() == null ? "" : "after V" + baseline.migratedTo() + " ") + "by "
                + baseline.recordedBy() + " at " + baseline.recordedAt();
    }

    /** The catalog as last read, read again when that is {@code interval} old. */
    private Read live(MigrationTarget target) {
        Instant now = clock.instant();
        Read read = lastRead.get(target.key());
        if (read == null || !read.at().plus(interval).isAfter(now)) {
            read = new Read(now, SchemaCatalog.read(target));
            lastRead.put(target.key(), read);
        }
        return read;
    }

    private void announce(DesiredEnvironment environment, DatabaseSpec database, String type, String reason,
            NotificationKind kind, String state, String message, List<String> differences) {
        events.append(EnvironmentEvent.of(environment.project(), environment.name(), clock.instant(), type, reason,
                message, null));
        notifier.notify(Notification.of(environment.qualifiedName(), database.name(), kind, state, message,
                Map.of("database", database.name(), "differences", String.join("; ", differences))));
    }
}
