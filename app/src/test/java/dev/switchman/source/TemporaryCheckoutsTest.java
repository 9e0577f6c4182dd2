package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.GitRemote;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary working copies go with their process: deleted on close, and swept when their owner died. */
class TemporaryCheckoutsTest {

    @TempDir
    Path root;

    @Test
    void aClosedSourceLeavesNoWorkingCopyBehind() {
        GitRemote remote = GitRemote.create();
        remote.commit(DesiredStateFiles.VALID);
        GitSource source = new GitSource(new GitSourceSettings(remote.url(), "main", GitRemote.DESIRED_PATH, Duration.ofMinutes(1),
                Optional.empty(), "x-access-token", Optional.empty()), new SimpleMeterRegistry());
        source.fetchNow();
        Path checkout = source.desiredDirectory().getParent().getParent();
        assertThat(checkout.resolve(TemporaryCheckouts.OWNER_FILE)).exists();

        source.close();

        assertThat(checkout).doesNotExist();
    }

    @Test
    void aCheckoutWhoseProcessIsGoneIsRemovedByTheNextOne() throws Exception {
        TemporaryCheckouts checkouts = new TemporaryCheckouts(root);
        Path abandoned = checkouts.create();
        Files.writeString(abandoned.resolve(TemporaryCheckouts.OWNER_FILE), Long.toString(finishedProcess()));
        Files.createDirectories(abandoned.resolve("work/.git"));
        Path alive = checkouts.create();

        Path next = checkouts.create();

        assertThat(abandoned).doesNotExist();
        assertThat(alive).exists();
        assertThat(next).exists();
    }

    @Test
    void aCheckoutWithoutOwnerFileIsNotOursToJudge() throws IOException {
        Path foreign = Files.createDirectories(root.resolve("checkout-foreign"));

        new TemporaryCheckouts(root).create();

        assertThat(foreign).exists();
    }

    private static long finishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
