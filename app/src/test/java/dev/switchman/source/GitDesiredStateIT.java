package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.source.GitFetchFailure.Reason;
import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.GitRemote;
import dev.switchman.testing.GitSourceProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GitSourceProfile.class)
class GitDesiredStateIT {

    private final GitRemote remote = GitRemote.shared();

    @Inject
    DesiredStateHolder holder;

    @Test
    void theRevisionIsTheCommitShaOfTheStateLoaded() {
        String commit = remote.commit(DesiredStateFiles.VALID);

        DesiredStateStatus status = holder.refreshNow();

        assertThat(status.latestValid()).isTrue();
        assertThat(status.latestRevision()).isEqualTo(commit).matches("[0-9a-f]{40}");
        assertThat(status.inForce().revision()).isEqualTo(commit);
        assertThat(status.inForce().environments()).extracting(DesiredEnvironment::qualifiedName)
                .containsExactlyInAnyOrder("shop/production", "shop/staging");
        assertThat(holder.gitStatus()).hasValueSatisfying(git -> assertThat(git.commit()).isEqualTo(commit));
    }

    @Test
    void anInvalidCommitKeepsTheLastValidOneInForceAndExposesItsErrors() {
        String valid = remote.commit(DesiredStateFiles.VALID);
        holder.refreshNow();
        String invalid = remote.commit(DesiredStateFiles.INVALID);

        DesiredStateStatus status = holder.refreshNow();

        assertThat(status.latestValid()).isFalse();
        assertThat(status.latestRevision()).isEqualTo(invalid);
        assertThat(status.inForce().revision()).isEqualTo(valid);
        assertThat(holder.current()).hasValueSatisfying(state -> assertThat(state.revision()).isEqualTo(valid));
        assertThat(status.diagnostics()).anySatisfy(d -> {
            assertThat(d.location().file()).isEqualTo("shop/production.yaml");
            assertThat(d.path()).contains("healthcheckTimeout");
        });
    }

    @Test
    void aForcePushIsFollowed() {
        remote.commit(DesiredStateFiles.INVALID);
        String rewritten = remote.amend(DesiredStateFiles.VALID);

        DesiredStateStatus status = holder.refreshNow();

        assertThat(status.latestValid()).isTrue();
        assertThat(status.inForce().revision()).isEqualTo(rewritten);
    }

    @Test
    void anUnreachableRepositoryKeepsTheLastGoodStateAndReportsTheError() {
        String good = remote.commit(DesiredStateFiles.VALID);
        holder.refreshNow();

        remote.breakRemote();
        DesiredStateStatus status;
        GitSourceStatus git;
        try {
            status = holder.refreshNow();
            git = holder.gitStatus().orElseThrow();
        } finally {
            remote.restore();
        }

        assertThat(status.inForce().revision()).isEqualTo(good);
        assertThat(status.environmentCount()).isEqualTo(2);
        assertThat(git.commit()).isEqualTo(good);
        assertThat(git.lastFailure().reason()).isEqualTo(Reason.UNREACHABLE);
    }
}
