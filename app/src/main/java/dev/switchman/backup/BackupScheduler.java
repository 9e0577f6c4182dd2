package dev.switchman.backup;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.notify.Notifier;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.LeaderLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

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
    private final BackupSchedule schedule;
    private final VerifiedAgeGauges verifiedAge;

    BackupScheduler(SwitchmanConfig config, DesiredStateHolder desired, LeaderLock leader, BackupService service,
            MeterRegistry registry, Notifier notifier) {
        this.config = config;
        this.desired = desired;
        this.leader = leader;
        this.service = service;
        this.schedule = new BackupSchedule(service.backups(), service.catalog(), notifier, registry, Clock.systemUTC(),
                config.backup().abandonAfter());
        this.verifiedAge = new VerifiedAgeGauges(registry, Clock.systemUTC());
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
                    .forEach(db -> verifiedAge.record(env, db, service.backups().lastVerified(env, db)));
        }
        return done;
    }
}
