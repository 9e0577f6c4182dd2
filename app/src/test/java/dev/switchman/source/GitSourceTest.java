package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.source.GitFetchFailure.Reason;
import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.GitRemote;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitSourceTest {

    private static final String SHA = "[0-9a-f]{40}";

    private final GitRemote remote = GitRemote.create();
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void checksOutTheTipOfTheBranchAtItsFullSha() throws IOException {
        String commit = remote.commit(DesiredStateFiles.VALID);
        GitSource source = source(remote.url(), "main", Optional.empty());

        GitSourceStatus status = source.fetchNow();

        assertThat(status.commit()).matches(SHA).isEqualTo(commit);
        assertThat(status.lastFailure()).isNull();
        assertThat(Files.readString(source.desiredDirectory().resolve("shop/staging.yaml")))
                .isEqualTo(DesiredStateFiles.VALID.get("shop/staging.yaml"));
        assertThat(fetches("updated")).isEqualTo(1);
    }

    @Test
    void followsNewCommitsAndRemovesFilesTheyDelete() {
        remote.commit(DesiredStateFiles.VALID);
        GitSource source = source(remote.url(), "main", Optional.empty());
        source.fetchNow();

        String next = remote.commit(Map.of("shop/project.yaml", DesiredStateFiles.VALID.get("shop/project.yaml")));
        GitSourceStatus status = source.fetchNow();
        GitSourceStatus again = source.fetchNow();

        assertThat(status.commit()).isEqualTo(next);
        assertThat(again.commit()).isEqualTo(next);
        assertThat(source.desiredDirectory().resolve("shop/project.yaml")).exists();
        assertThat(source.desiredDirectory().resolve("shop/staging.yaml")).doesNotExist();
        assertThat(fetches("unchanged")).isEqualTo(1);
    }

    @Test
    void followsAForcePushThatRewroteHistory() throws IOException {
        remote.commit(DesiredStateFiles.VALID);
        String replaced = remote.commit(DesiredStateFiles.INVALID);
        GitSource source = source(remote.url(), "main", Optional.empty());
        source.fetchNow();

        String rewritten = remote.amend(DesiredStateFiles.VALID);
        GitSourceStatus status = source.fetchNow();

        assertThat(rewritten).isNotEqualTo(replaced);
        assertThat(status.commit()).isEqualTo(rewritten);
        assertThat(Files.readString(source.desiredDirectory().resolve("shop/production.yaml")))
                .isEqualTo(DesiredStateFiles.VALID.get("shop/production.yaml"));
    }

    @Test
    void anUnreachableRemoteKeepsTheLastGoodCheckoutAndSaysWhy() {
        String good = remote.commit(DesiredStateFiles.VALID);
        GitSource source = source(remote.url(), "main", Optional.empty());
        source.fetchNow();

        remote.breakRemote();
        GitSourceStatus failed = source.fetchNow();
        source.fetchNow();
        remote.restore();
        GitSourceStatus recovered = source.fetchNow();

        assertThat(failed.commit()).isEqualTo(good);
        assertThat(failed.lastFailure().reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(failed.lastFailure().message()).isNotBlank();
        assertThat(source.desiredDirectory().resolve("shop/production.yaml")).exists();
        assertThat(fetches("unreachable")).isEqualTo(2);
        assertThat(recovered.commit()).isEqualTo(good);
        assertThat(recovered.lastFailure()).isNull();
        assertThat(recovered.consecutiveFailures()).isZero();
    }

    @Test
    void aMissingBranchIsReportedAndNothingIsCheckedOut() {
        remote.commit(DesiredStateFiles.VALID);
        GitSource source = source(remote.url(), "release", Optional.empty());

        GitSourceStatus status = source.fetchNow();

        assertThat(status.commit()).isNull();
        assertThat(status.lastFailure().reason()).isEqualTo(Reason.BRANCH_MISSING);
        assertThat(status.lastFailure().message()).contains("refs/heads/release");
        assertThat(fetches("branch_missing")).isEqualTo(1);
    }

    @Test
    void followsOnlyItsOwnBranch() {
        String main = remote.commit(DesiredStateFiles.VALID);
        remote.commitOn("feature", DesiredStateFiles.INVALID);
        GitSource source = source(remote.url(), "main", Optional.empty());

        assertThat(source.fetchNow().commit()).isEqualTo(main);
    }

    @Test
    void aPersistentCacheStartsFromTheLastCheckoutWhileTheRemoteIsDown() throws IOException {
        String good = remote.commit(DesiredStateFiles.VALID);
        Path cache = Files.createTempDirectory("switchman-git-cache-");
        source(remote.url(), "main", Optional.of(cache)).fetchNow();

        remote.breakRemote();
        GitSource restarted = source(remote.url(), "main", Optional.of(cache));
        GitSourceStatus status = restarted.fetchNow();

        assertThat(status.commit()).isEqualTo(good);
        assertThat(status.lastFailure().reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(restarted.desiredDirectory().resolve("shop/production.yaml")).exists();
    }

    private GitSource source(String url, String branch, Optional<Path> cacheDir) {
        return new GitSource(new GitSourceSettings(url, branch, GitRemote.DESIRED_PATH, Duration.ofMinutes(1),
                Optional.empty(), "x-access-token", cacheDir), registry);
    }

    private double fetches(String result) {
        return registry.get("switchman.git.fetch").tag("result", result).counter().count();
    }

    static {
        // keep JGit from reading the developer's own git configuration
        try {
            System.setProperty("user.home", Files.createTempDirectory("switchman-home-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
