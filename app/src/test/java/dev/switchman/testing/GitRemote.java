package dev.switchman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A real git remote for tests: a bare repository in a temporary directory and a working clone that
 * commits desired-state trees (under {@code desired-state/}) and pushes them, force-pushes included.
 */
public final class GitRemote {

    public static final String DESIRED_PATH = "desired-state";

    /** Names the shared remote's directory: the test profile and the tests see it from different class loaders. */
    private static final String SHARED_PROPERTY = "test-shared-git-remote";

    private final Path bare;
    private final Path parked;
    private final String url;
    private final Git work;
    private final PersonIdent author = new PersonIdent("Switchman Tests", "tests@switchman.invalid");

    private GitRemote(Path dir, boolean existing) throws GitAPIException, IOException {
        this.bare = dir.resolve("remote.git");
        this.parked = dir.resolve("remote-parked.git");
        if (existing) {
            this.work = Git.open(dir.resolve("work").toFile());
        } else {
            Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
            this.work = Git.init().setDirectory(dir.resolve("work").toFile()).setInitialBranch("main").call();
        }
        this.url = bare.toUri().toString();
    }

    /** A new remote with no commit yet. */
    public static GitRemote create() {
        try {
            return new GitRemote(Files.createTempDirectory("switchman-git-remote-"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One remote for the Quarkus tests that run in git mode, holding {@link DesiredStateFiles#VALID} on main. */
    public static synchronized GitRemote shared() {
        String dir = System.getProperty(SHARED_PROPERTY);
        if (dir != null) {
            try {
                return new GitRemote(Path.of(dir), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GitAPIException e) {
                throw new IllegalStateException(e);
            }
        }
        GitRemote created = create();
        created.commit(DesiredStateFiles.VALID);
        System.setProperty(SHARED_PROPERTY, created.bare.getParent().toString());
        return created;
    }

    /** The {@code file://} URL of the bare repository. */
    public String url() {
        return url;
    }

    /** Commits {@code files} as the whole desired-state tree on main, pushes, returns the commit sha. */
    public String commit(Map<String, String> files) {
        return commitOn("main", files, false);
    }

    /** Replaces main's last commit with one holding {@code files} and force-pushes it (history rewritten). */
    public String amend(Map<String, String> files) {
        return commitOn("main", files, true);
    }

    /** Commits {@code files} on {@code branch} (created from the current commit) and pushes that branch only. */
    public String commitOn(String branch, Map<String, String> files) {
        return commitOn(branch, files, false);
    }

    /** Makes the remote unreachable (its directory moves away) until {@link #restore()}. */
    public void breakRemote() {
        move(bare, parked);
    }

    public void restore() {
        move(parked, bare);
    }

    private synchronized String commitOn(String branch, Map<String, String> files, boolean amend) {
        try {
            String current = work.getRepository().getBranch();
            if (!current.equals(branch)) {
                boolean exists = work.getRepository().findRef("refs/heads/" + branch) != null;
                work.checkout().setName(branch).setCreateBranch(!exists).call();
            }
            DesiredStateFiles.replace(work.getRepository().getWorkTree().toPath().resolve(DESIRED_PATH), files);
            work.add().addFilepattern(".").call();
            work.add().addFilepattern(".").setUpdate(true).call();
            String sha = work.commit().setAuthor(author).setCommitter(author).setAmend(amend)
                    .setMessage("desired state " + files.keySet()).setAllowEmpty(true).call().name();
            work.push().setRemote(url()).setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
                    .call();
            if (!branch.equals("main")) {
                work.checkout().setName("main").call();
            }
            return sha;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
