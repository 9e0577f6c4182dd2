package dev.switchman.backup;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.notify.Notifier;
import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.reconcile.LeaderLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each database's backup and restore-drill cron schedules (UTC, see {@link BackupSchedule}) on the
 * leader only, and publishes {@code switchman_backup_last_verified_age_seconds}.
 */
@ApplicationScoped
public class BackupScheduler {

    private final SwitchmanConfig config;
    private final DesiredStateHolder desired;
    private final LeaderLock leader;
    private final BackupService service;
    private final MeterRegistry registry;
    private final BackupSchedule schedule;
    private final Map<String, Double> verifiedAge = new ConcurrentHashMap<>();

    BackupScheduler(SwitchmanConfig config, DesiredStateHolder desired, LeaderLock leader, BackupService service,
            MeterRegistry registry, Notifier notifier) {
        this.config = config;
        this.desired = desired;
        this.leader = leader;
        this.service = service;
        this.registry = registry;
        this.schedule = new BackupSchedule(service.backups(), service.catalog(), notifier, registry, Clock.systemUTC(),
                config.backup().abandonAfter());
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
        DesiredState state = desired.current().orElse(null);
        if (state == null) {
            return List.of();
        }
        List<String> done = schedule.runDue(state, now.toInstant());
        for (DesiredEnvironment env : state.environments()) {
            env.databases().values().stream().filter(db -> db.backups() != null && db.backups().schedule() != null)
                    .forEach(db -> recordVerifiedAge(env, db, now.toInstant()));
        }
        return done;
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
