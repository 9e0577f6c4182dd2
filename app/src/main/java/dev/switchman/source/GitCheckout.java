package dev.switchman.source;

import dev.switchman.redaction.Redactor;
import dev.switchman.source.GitFetchFailure.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * One working copy following one branch. A fetch asks for the branch tip only (depth 1) and then
 * hard-resets the working copy to it: never a merge, so a force-push is followed like any push.
 * Nothing in the working copy moves unless the fetch succeeded.
 */
final class GitCheckout {

    private static final int TIMEOUT_SECONDS = 30;

    private final GitSourceSettings settings;
    private final Path workTree;
    private final Redactor redactor;
    private final String trackingRef;

    GitCheckout(GitSourceSettings settings, Path workTree, Redactor redactor) {
        this.settings = settings;
        this.workTree = workTree;
        this.redactor = redactor;
        this.trackingRef = "refs/remotes/origin/" + settings.branch();
    }

    Path workTree() {
        return workTree;
    }

    /** The commit a previous run left checked out (repaired by a hard reset), if any. */
    Optional<String> existingCommit() {
        if (!Files.isDirectory(workTree.resolve(".git"))) {
            return Optional.empty();
        }
        try (Git git = Git.open(workTree.toFile())) {
            ObjectId head = git.getRepository().resolve("HEAD^{commit}");
            if (head == null) {
                return Optional.empty();
            }
            resetTo(git, head);
            return Optional.of(head.name());
        } catch (IOException | GitAPIException | RuntimeException unusable) {
            return Optional.empty();
        }
    }

    /** Fetches the branch tip and makes the working copy equal to it; returns the commit's full sha. */
    String fetchAndReset() throws GitFetchException {
        try (Git git = open()) {
            var fetch = git.fetch()
                    .setRemote(settings.url())
                    .setRefSpecs(new RefSpec("+" + settings.remoteRef() + ":" + trackingRef))
                    .setDepth(1)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout(TIMEOUT_SECONDS);
            credentials().ifPresent(fetch::setCredentialsProvider);
            fetch.call();
            ObjectId commit = git.getRepository().resolve(trackingRef + "^{commit}");
            if (commit == null) {
                throw new GitFetchException(Reason.BRANCH_MISSING, "no commit at " + settings.remoteRef());
            }
            resetTo(git, commit);
            return commit.name();
        } catch (InvalidRemoteException e) {
            throw failure(Reason.UNREACHABLE, e);
        } catch (TransportException e) {
            throw failure(classify(e.getMessage()), e);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw failure(Reason.FAILED, e);
        }
    }

    private Git open() throws IOException, GitAPIException {
        if (Files.isDirectory(workTree.resolve(".git"))) {
            return Git.open(workTree.toFile());
        }
        Files.createDirectories(workTree);
        return Git.init().setDirectory(workTree.toFile()).setInitialBranch(settings.branch()).call();
    }

    private static void resetTo(Git git, ObjectId commit) throws GitAPIException {
        git.reset().setMode(ResetType.HARD).setRef(commit.name()).call();
        git.clean().setCleanDirectories(true).setForce(true).setIgnore(false).call();
    }

    private Optional<CredentialsProvider> credentials() {
        return settings.token().map(token -> new UsernamePasswordCredentialsProvider(settings.username(), token));
    }

    private Reason classify(String message) {
        String text = message == null ? "" : message;
        if (text.contains(MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, settings.remoteRef()))) {
            return Reason.BRANCH_MISSING;
        }
        if (text.contains(JGitText.get().notAuthorized) || text.contains(JGitText.get().noCredentialsProvider)
                || text.contains("not permitted")) {
            return Reason.UNAUTHORIZED;
        }
        return Reason.UNREACHABLE;
    }

    private GitFetchException failure(Reason reason, Exception cause) {
        StringBuilder message = new StringBuilder(String.valueOf(cause.getMessage()));
        for (Throwable inner = cause.getCause(); inner != null && inner != inner.getCause(); inner = inner.getCause()) {
            if (inner.getMessage() != null && !message.toString().contains(inner.getMessage())) {
                message.append(": ").append(inner.getMessage());
            }
        }
        return new GitFetchException(reason, redactor.redact(message.toString()));
    }
}
