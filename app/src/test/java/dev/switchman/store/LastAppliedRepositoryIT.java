package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LastAppliedRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-07-08T09:10:11Z");

    @Inject
    LastAppliedRepository lastApplied;

    @Test
    void savingReplacesTheSnapshotOfTheSameEnvironmentOnly() {
        lastApplied.save(new LastApplied("la-a", "production", "{\"services\": {\"web\": {}}}", "r1", T0));
        lastApplied.save(new LastApplied("la-a", "staging", "{}", "r1", T0));
        lastApplied.save(new LastApplied("la-a", "production", "{\"services\": {}}", "r2", T0.plusSeconds(30)));

        assertThat(lastApplied.find("la-a", "production"))
                .contains(new LastApplied("la-a", "production", "{\"services\": {}}", "r2", T0.plusSeconds(30)));
        assertThat(lastApplied.find("la-a", "staging")).map(LastApplied::revision).contains("r1");
        assertThat(lastApplied.find("la-a", "development")).isEmpty();
    }
}
