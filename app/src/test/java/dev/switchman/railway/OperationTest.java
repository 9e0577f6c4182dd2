package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperationTest {

    private static final RailwayException NOT_SENT =
            new RailwayException.Transient(Operation.SERVICE_INSTANCE_DEPLOY, "refused", false, null, null, null);
    private static final RailwayException MAYBE_DONE =
            new RailwayException.Transient(Operation.SERVICE_INSTANCE_DEPLOY, "502", true, null, null, null);
    private static final RailwayException LIMITED =
            new RailwayException.RateLimited(Operation.SERVICE_INSTANCE_DEPLOY, "429", Duration.ofSeconds(5), null);
    private static final RailwayException REJECTED =
            new RailwayException.Rejected(Operation.SERVICE_INSTANCE_DEPLOY, "bad", null, "BAD_USER_INPUT");

    @Test
    void deploysRollbacksCreatesVolumesBackupsAndCommitsAreNotIdempotent() {
        // a second commit of a staged patch finds nothing staged; a second direct commit deploys again
        assertThat(Operation.values())
                .filteredOn(operation -> operation.kind() == Operation.Kind.NON_IDEMPOTENT_WRITE)
                .containsExactlyInAnyOrder(Operation.SERVICE_INSTANCE_DEPLOY, Operation.DEPLOYMENT_ROLLBACK,
                        Operation.SERVICE_CREATE, Operation.VOLUME_CREATE, Operation.VOLUME_INSTANCE_BACKUP_CREATE,
                        Operation.ENVIRONMENT_PATCH_COMMIT, Operation.ENVIRONMENT_PATCH_COMMIT_STAGED);
    }

    @Test
    void aNonIdempotentWriteIsRepeatedOnlyWhenRailwayCannotHaveActed() {
        Operation.Kind kind = Operation.Kind.NON_IDEMPOTENT_WRITE;

        assertThat(kind.mayRepeatAfter(NOT_SENT)).isTrue();
        assertThat(kind.mayRepeatAfter(LIMITED)).isTrue();
        assertThat(kind.mayRepeatAfter(MAYBE_DONE)).isFalse();
        assertThat(kind.mayRepeatAfter(REJECTED)).isFalse();
    }

    @Test
    void readsAndIdempotentWritesAreRepeatedAfterAnyTransientFailure() {
        for (Operation.Kind kind : new Operation.Kind[] {Operation.Kind.READ, Operation.Kind.IDEMPOTENT_WRITE}) {
            assertThat(kind.mayRepeatAfter(MAYBE_DONE)).isTrue();
            assertThat(kind.mayRepeatAfter(LIMITED)).isTrue();
            assertThat(kind.mayRepeatAfter(REJECTED)).isFalse();
        }
    }
}
