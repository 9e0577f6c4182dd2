package dev.switchman.source;

import dev.switchman.redaction.Redactor;
import dev.switchman.source.GitFetchFailure.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The desired state's git repository, seen as "the checkout in force". {@link #fetchNow()} fetches the
 * branch and moves the checkout to its tip; a failed fetch leaves the last good checkout in force,
 * is counted in {@code switchman_git_fetch_total{result}} and is logged once per distinct error.
 * The token and any credentials in the URL never reach a log line or the status.
 */
public final class GitSource implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GitSource.class);
    private static final String METER = "switchman.git.fetch";

    private final GitSourceSettings settings;
    private final GitCheckout checkout;
    /** The temporary directory holding the working copy, deleted on close; null with a cache directory. */
    private final Path temporary;
    private final Clock clock;
    private final Counter updated;
    private final Counter unchanged;
    private final Map<Reason, Counter> failed = new EnumMap<>(Reason.class);

    private volatile GitSourceStatus status;
    private String lastLoggedFailure;

    public GitSource(GitSourceSettings settings, MeterRegistry registry) {
        this(settings, registry, Clock.systemUTC());
    }

    GitSource(GitSourceSettings settings, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.temporary = settings.cacheDir().isEmpty() ? TemporaryCheckouts.inSystemTemp().create() : null;
        Path workTree = temporary != null ? temporary.resolve(TemporaryCheckouts.WORK_TREE) : cached(settings);
        this.checkout = new GitCheckout(settings, workTree, Redactor.of(settings.token().stream().toList()));
        this.updated = counter(registry, "updated");
        this.unchanged = counter(registry, "unchanged");
        for (Reason reason : Reason.values()) {
            failed.put(reason, counter(registry, reason.tag()));
        }
        String leftOver = checkout.existingCommit().orElse(null);
        this.status = new GitSourceStatus(settings.redactedUrl(), settings.branch(), settings.path(), leftOver,
                null, null, 0);
        if (leftOver != null) {
            LOG.infof("git working copy %s holds %s from an earlier run", checkout.workTree(), leftOver);
        }
    }

    public GitSourceSettings settings() {
        return settings;
    }

    public GitSourceStatus status() {
        return status;
    }

    /** Fetches the branch now and moves the checkout to its tip; returns the status after. */
    public synchronized GitSourceStatus fetchNow() {
        String before = status.commit();
        try {
            String commit = checkout.fetchAndReset();
            (commit.equals(before) ? unchanged : updated).increment();
            if (status.lastFailure() != null) {
                LOG.infof("fetching %s (%s) works again", settings.redactedUrl(), settings.branch());
            }
            if (!commit.equals(before)) {
                LOG.infof("git %s %s is at %s", settings.redactedUrl(), settings.branch(), commit);
            }
            lastLoggedFailure = null;
            status = status.succeeded(commit, clock.instant());
        } catch (GitFetchException e) {
            GitFetchFailure failure = new GitFetchFailure(e.reason(), e.getMessage(), clock.instant());
            failed.get(e.reason()).increment();
            status = status.failed(failure);
            if (!failure.render().equals(lastLoggedFailure)) {
                lastLoggedFailure = failure.render();
                LOG.errorf("cannot fetch %s (%s): %s; %s", settings.redactedUrl(), settings.branch(), failure.render(),
                        before == null ? "no desired state from git yet" : "keeping " + before + " in force");
            }
        }
        return status;
    }

    /**
     * Reads the checkout in force while no fetch can move it: {@code reader} gets the commit and the
     * desired-state directory inside the working copy. Empty-handed ({@code null} commit) before the first
     * successful fetch.
     */
    public synchronized <T> T read(BiFunction<String, Path, T> reader) {
        return reader.apply(status.commit(), desiredDirectory());
    }

    /** The desired-state directory inside the working copy. */
    public Path desiredDirectory() {
        return checkout.workTree().resolve(settings.path()).normalize();
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(METER).description("Fetches of the desired-state git branch, by result")
                .tag("result", result).register(registry);
    }

    /** Deletes a temporary working copy; one in the cache directory stays for the next start. */
    @Override
    public synchronized void close() {
        if (temporary != null) {
            TemporaryCheckouts.delete(temporary);
        }
    }

    private static Path cached(GitSourceSettings settings) {
        try {
            // one working copy per repository and branch, so a changed URL never reuses a foreign checkout
            String key = sha256(settings.url() + "\n" + settings.branch()).substring(0, 16);
            Path dir = settings.cacheDir().get().resolve("checkout-" + key);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the git working directory", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
