package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Inject
    RunRepository runs;

    @Test
    void aStartedRunIsInProgressUntilFinished() {
        long id = runs.start("runs-a", "production", "abc123", "timer", T0);

        ReconcileRun started = runs.find(id).orElseThrow();
        assertThat(started.finished()).isFalse();
        assertThat(started.startedAt()).isEqualTo(T0);

        runs.finish(id, T0.plusSeconds(42), "Converged", "{\"changes\": 3}", null);

        ReconcileRun finished = runs.find(id).orElseThrow();
        assertThat(finished).isEqualTo(new ReconcileRun(id, "runs-a", "production", "abc123", null, "timer", T0,
                T0.plusSeconds(42), "Converged", "{\"changes\": 3}", null));
    }

    @Test
    void recentRunsOfOneEnvironmentComeNewestFirst() {
        long first = runs.start("runs-b", "staging", "r1", "timer", T0);
        long second = runs.start("runs-b", "staging", "r2", "webhook", T0.plusSeconds(60));
        runs.start("runs-b", "production", "r2", "timer", T0.plusSeconds(120));
        runs.finish(first, T0.plusSeconds(5), "Stalled", null, "Railway rejected the change");

        assertThat(runs.recent("runs-b", "staging", 10)).extracting(ReconcileRun::id).containsExactly(second, first);
        assertThat(runs.recent("runs-b", "staging", 1)).extracting(ReconcileRun::revision).containsExactly("r2");
        assertThat(runs.find(first).orElseThrow().error()).isEqualTo("Railway rejected the change");
    }

    @Test
    void finishingAnUnknownRunFails() {
        assertThatThrownBy(() -> runs.finish(-1, T0, "Converged", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
