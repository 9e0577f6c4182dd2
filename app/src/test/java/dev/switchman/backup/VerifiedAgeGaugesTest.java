package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The age of the newest verified backup, as Prometheus reads it. */
class VerifiedAgeGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T05:00:00Z"));
    private final DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec("/backups", List.of()));
    private final DatabaseSpec shop = env.databases().get("shop");

    @Test
    void aBackupVerifiedByADrillDuringTheTickIsZeroSecondsOldNotNegative() {
        Instant tickStarted = clock.instant();
        clock.advance(Duration.ofSeconds(40));
        Instant drillVerified = clock.instant();

        new VerifiedAgeGauges(registry, clock).record(env, shop, Optional.of(drillVerified));
        double right = age();
        clock.advance(Duration.ofMinutes(1));

        assertThat(drillVerified).isAfter(tickStarted);
        assertThat(right).isZero();
        assertThat(age()).isEqualTo(60.0);
    }

    @Test
    void neverVerifiedIsNotANumber() {
        new VerifiedAgeGauges(registry, clock).record(env, shop, Optional.empty());

        assertThat(age()).isNaN();
    }

    private double age() {
        return registry.get("switchman_backup_last_verified_age_seconds").tag("database", "shop").gauge().value();
    }
}
