package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code switchman_backup_last_verified_age_seconds{environment,database}}: the age of each database's newest
 * verified backup, computed when the gauge is read rather than when the scheduler's tick started (a drill that
 * verifies a backup during the tick made that age negative); NaN while none is verified.
 */
final class VerifiedAgeGauges {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> verifiedAt = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    VerifiedAgeGauges(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Remembers when {@code db}'s newest verified backup was verified, if ever. */
    void record(DesiredEnvironment env, DatabaseSpec db, Optional<Instant> lastVerified) {
        String key = env.qualifiedName() + "/" + db.name();
        lastVerified.ifPresentOrElse(at -> verifiedAt.put(key, at), () -> verifiedAt.remove(key));
        registered.computeIfAbsent(key, k -> {
            Gauge.builder("switchman_backup_last_verified_age_seconds", verifiedAt, ages -> age(ages.get(k)))
                    .description("Seconds since the newest backup that passed a checksum check or restore drill")
                    .tags(Tags.of("environment", env.qualifiedName(), "database", db.name())).register(registry);
            return true;
        });
    }

    private double age(Instant at) {
        return at == null ? Double.NaN : Duration.between(at, clock.instant()).toMillis() / 1000.0;
    }
}
