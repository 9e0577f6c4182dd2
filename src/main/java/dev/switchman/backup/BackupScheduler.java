package dev.switchman.backup;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.CronExpression;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.reconcile.LeaderLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs each database's backup and restore-drill cron schedules (UTC), on the leader only; after a
 * backup, retention. Publishes {@code switchman_backup_last_verified_age_seconds} and counters of
 * backups and drills by result.
 */
@ApplicationScoped
public class BackupScheduler {

    private static final Logger LOG = Logger.getLogger(BackupScheduler.class);

    private final SwitchmanConfig config;
    private final DesiredStateHolder desired;
    private final LeaderLock leader;
    private final BackupService service;
    private final MeterRegistry registry;
    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private final Map<String, Double> verifiedAge = new ConcurrentHashMap<>();

    BackupScheduler(SwitchmanConfig config, DesiredStateHolder desired, LeaderLock leader, BackupService service,
            MeterRegistry registry) {
        this.config = config;
        this.desired = desired;
        this.leader = leader;
        this.service = service;
        this.registry = registry;
    }

    @Scheduled(identity = "backup-tick", every = "${switchman.backup.tick-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        if (config.backup().enabled() && leader.isLeader()) {
            runDue(ZonedDateTime.now(ZoneOffset.UTC));
        }
    }

    /** Runs what is due at {@code now}; returns what it did, e.g. {@code backup acme/production/shop}. */
    public List<String> runDue(ZonedDateTime now) {
        List<String> done = new ArrayList<>();
        DesiredState state = desired.current().orElse(null);
        if (state == null) {
            return done;
        }
        for (DesiredEnvironment env : state.environments()) {
            for (DatabaseSpec db : env.databases().values()) {
                if (db.backups() == null || db.backups().schedule() == null) {
                    continue;
                }
                String key = env.qualifiedName() + "/" + db.name();
                if (due("backup " + key, db.backups().schedule(), now)) {
                    done.add("backup " + key);
                    backup(env, db, state.revision());
                }
                if (db.backups().drill() != null && due("drill " + key, db.backups().drill().schedule(), now)) {
                    done.add("drill " + key);
                    drill(env, db);
                }
                recordVerifiedAge(env, db, now.toInstant());
            }
        }
        return done;
    }

    private boolean due(String key, String cron, ZonedDateTime now) {
        CronExpression schedule = CronExpression.parse(cron);
        Instant next = nextRun.computeIfAbsent(key, k -> schedule.next(now).toInstant());
        if (now.toInstant().isBefore(next)) {
            return false;
        }
        nextRun.put(key, schedule.next(now).toInstant());
        return true;
    }

    private void backup(DesiredEnvironment env, DatabaseSpec db, String revision) {
        String result = "success";
        try {
            service.backups().backup(env, db, BackupReason.SCHEDULED, revision);
            service.backups().applyRetention(env, db);
        } catch (RuntimeException e) {
            result = "failure";
            LOG.warnf("scheduled backup of %s/%s failed: %s", env.qualifiedName(), db.name(), e.getMessage());
        }
        registry.counter("switchman_backups_total", tags(env, db).and("result", result)).increment();
    }

    private void drill(DesiredEnvironment env, DatabaseSpec db) {
        String result;
        try {
            result = service.backups().drill(env, db).passed() ? "passed" : "failed";
        } catch (RuntimeException e) {
            result = "failed";
            LOG.warnf("restore drill of %s/%s failed: %s", env.qualifiedName(), db.name(), e.getMessage());
        }
        registry.counter("switchman_backup_drills_total", tags(env, db).and("result", result)).increment();
    }

    private void recordVerifiedAge(DesiredEnvironment env, DatabaseSpec db, Instant now) {
        String key = env.qualifiedName() + "/" + db.name();
        double age = service.backups().lastVerified(env, db)
                .map(at -> (double) Duration.between(at, now).toSeconds()).orElse(Double.NaN);
        if (verifiedAge.put(key, age) == null) {
            Gauge.builder("switchman_backup_last_verified_age_seconds", verifiedAge,
                    ages -> ages.getOrDefault(key, Double.NaN))
                    .description("Seconds since the newest backup that passed a checksum check or restore drill")
                    .tags(tags(env, db)).register(registry);
        }
    }

    private static Tags tags(DesiredEnvironment env, DatabaseSpec db) {
        return Tags.of("environment", env.qualifiedName(), "database", db.name());
    }
}
