package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DesiredStateLoadRepositoryIT {

    // later than any load the holder records during the test run, so "latest" is ours
    private static final Instant T0 = Instant.parse("2099-01-01T00:00:00Z");

    @Inject
    DesiredStateLoadRepository loads;

    @Test
    void loadsAreKeptWithTheirDiagnosticsAndFoundByRevision() {
        String diagnostics = "[{\"file\": \"a.yaml\", \"line\": 3}]";
        long invalid = loads.record(new DesiredStateLoad(0, "loads-r2", T0.plusSeconds(1), false, 1, diagnostics));
        long valid = loads.record(new DesiredStateLoad(0, "loads-r1", T0, true, 0, "[]"));

        assertThat(loads.latest()).contains(new DesiredStateLoad(invalid, "loads-r2", T0.plusSeconds(1), false, 1,
                diagnostics));
        assertThat(loads.latestOf("loads-r1")).contains(new DesiredStateLoad(valid, "loads-r1", T0, true, 0, "[]"));
        assertThat(loads.recent(2)).extracting(DesiredStateLoad::id).containsExactly(invalid, valid);
    }
}
