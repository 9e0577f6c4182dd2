package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.source.DesiredStateHolder.LoadOutcome;
import dev.switchman.store.DesiredStateLoadRepository;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DesiredStateHolderIT {

    @Inject
    DesiredStateHolder holder;

    @Inject
    DesiredStateLoadRepository loads;

    @Test
    void anInvalidRevisionKeepsTheLastValidStateInForceAndExposesItsErrors() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        DesiredStateStatus valid = holder.poll();

        assertThat(valid.latestValid()).isTrue();
        assertThat(valid.state().orElseThrow().environments()).extracting(DesiredEnvironment::qualifiedName)
                .containsExactlyInAnyOrder("shop/production", "shop/staging");

        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.INVALID);
        DesiredStateStatus invalid = holder.poll();

        assertThat(invalid.latestValid()).isFalse();
        assertThat(invalid.latestRevision()).isNotEqualTo(valid.latestRevision());
        assertThat(invalid.inForce()).isEqualTo(valid.inForce());
        assertThat(invalid.errorCount()).isPositive();
        assertThat(invalid.diagnostics()).anySatisfy(d -> {
            assertThat(d.location().file()).isEqualTo("shop/production.yaml");
            assertThat(d.location().line()).isEqualTo(11);
            assertThat(d.path()).contains("healthcheckTimeout");
        });
        assertThat(holder.current()).contains(valid.inForce());
    }

    @Test
    void everyNewRevisionIsRecordedInTheStore() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        DesiredStateStatus valid = holder.poll();
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.INVALID);
        DesiredStateStatus invalid = holder.poll();

        assertThat(loads.latestOf(valid.latestRevision())).hasValueSatisfying(load -> {
            assertThat(load.valid()).isTrue();
            assertThat(load.errorCount()).isZero();
        });
        assertThat(loads.latestOf(invalid.latestRevision())).hasValueSatisfying(load -> {
            assertThat(load.valid()).isFalse();
            assertThat(load.errorCount()).isEqualTo(invalid.errorCount());
            assertThat(load.diagnosticsJson()).contains("shop/production.yaml", "healthcheckTimeout");
        });
    }

    @Test
    void anEmptyDirectoryIsAValidEmptyState() {
        DesiredStateFiles.replace(holder.root(), Map.of());
        DesiredStateStatus empty = holder.poll();

        assertThat(empty.latestValid()).isTrue();
        assertThat(empty.state()).hasValueSatisfying(state -> assertThat(state.isEmpty()).isTrue());
        assertThat(empty.errorCount()).isZero();
    }

    @Test
    void unchangedFilesAreNotLoadedAgain() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        DesiredStateStatus first = holder.poll();
        long loadsAfterFirst = totalLoads();

        DesiredStateStatus second = holder.poll();

        assertThat(totalLoads()).isEqualTo(loadsAfterFirst);
        assertThat(second).isEqualTo(first);
    }

    private long totalLoads() {
        long total = 0;
        for (LoadOutcome outcome : LoadOutcome.values()) {
            total += holder.loadCount(outcome);
        }
        return total;
    }
}
