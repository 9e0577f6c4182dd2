package dev.switchman.source;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.DiagnosticScope;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.TreeRevision;
import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.store.DesiredStateLoad;
import dev.switchman.store.DesiredStateLoadRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Holds the desired state in force. Loads the desired-state directory at start and whenever its
 * files change; a load with errors never replaces the last valid state (an invalid file must not
 * look like "nothing declared"), it only exposes its diagnostics. Every load whose revision
 * differs from the previous one is recorded in the store; errors are logged once per revision.
 *
 * <p>With {@code switchman.source.git.url} set the files come from a git checkout instead
 * ({@link GitSource}): fetched at start, every {@code switchman.source.git.poll-interval} and on
 * {@link #refreshNow()} / {@link #refreshSoon()} (the webhook); the revision is the commit sha. A failed
 * fetch leaves the checkout, and so the state in force, where it was.
 */
@ApplicationScoped
public class DesiredStateHolder {

    /** How a load ended, the {@code result} tag of {@code switchman_desired_state_loads_total}. */
    public enum LoadOutcome { VALID, INVALID, FAILED }

    private static final Logger LOG = Logger.getLogger(DesiredStateHolder.class);

    private final Path root;
    private final GitSource git;
    private final DesiredStateLoadRepository loads;
    private final CoalescedRefresh refreshes = new CoalescedRefresh(this::refreshNow);
    private final Map<LoadOutcome, AtomicLong> loadCounts = new EnumMap<>(LoadOutcome.class);

    private volatile DesiredStateStatus status = DesiredStateStatus.NOT_LOADED;
    private volatile Instant lastPollCompletedAt;
    private String lastStamp;
    private String lastRecordedRevision;

    public DesiredStateHolder(SwitchmanConfig config, DesiredStateLoadRepository loads, MeterRegistry registry) {
        this.git = GitSourceSettings.from(config).map(settings -> new GitSource(settings, registry)).orElse(null);
        this.root = git == null ? config.desired().dir() : git.desiredDirectory();
        this.loads = loads;
        for (LoadOutcome outcome : LoadOutcome.values()) {
            loadCounts.put(outcome, new AtomicLong());
        }
    }

    void loadAtStart(@Observes StartupEvent started) {
        refreshNow();
    }

    @PreDestroy
    void stopRefreshing() {
        refreshes.close();
        if (git != null) {
            git.close(); // a temporary working copy goes with the process
        }
    }

    @Scheduled(identity = "desired-state-poll", every = "${switchman.desired.poll-interval}",
            delayed = "${switchman.desired.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        poll();
    }

    @Scheduled(identity = "desired-state-git-fetch", every = "${switchman.source.git.poll-interval}",
            delayed = "${switchman.source.git.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFetch() {
        if (git != null) {
            refreshNow();
        }
    }

    /**
     * Fetches the git branch now (git mode) and loads what changed; returns the status after. Blocks for
     * the fetch; the poll and the readers of {@link #status()} are not held up by it.
     */
    public DesiredStateStatus refreshNow() {
        if (git != null) {
            git.fetchNow();
        }
        return poll();
    }

    /** Asks for a {@link #refreshNow()} on a background thread and returns at once; requests coalesce. */
    public void refreshSoon() {
        refreshes.request();
    }

    /**
     * Loads the directory again if its files changed since the last poll (in git mode: if the checkout moved
     * to another commit); returns the status after. Never fetches.
     */
    public synchronized DesiredStateStatus poll() {
        try {
            if (git == null) {
                String stamp = TreeRevision.stamp(root);
                if (!stamp.equals(lastStamp)) {
                    lastStamp = stamp;
                    load(null);
                }
            } else {
                // compare without the source's lock: a fetch in progress must not hold up the poll
                String fetched = git.status().commit();
                if (fetched != null && !fetched.equals(lastStamp)) {
                    git.read((commit, dir) -> {
                        lastStamp = commit;
                        load(commit);
                        return null;
                    });
                }
            }
        } catch (RuntimeException e) {
            loadCounts.get(LoadOutcome.FAILED).incrementAndGet();
            LOG.errorf(e, "cannot read the desired state in %s; keeping the state in force", root);
        } finally {
            lastPollCompletedAt = Instant.now();
        }
        return status;
    }

    public DesiredStateStatus status() {
        return status;
    }

    /** The last valid desired state, empty while none was ever loaded. */
    public Optional<DesiredState> current() {
        return status.state();
    }

    /**
     * The errors of the latest load that concern {@code environment}, when that load was invalid (the last valid
     * state stays in force meanwhile); empty when the latest load is valid.
     */
    public List<String> invalidDiagnostics(DesiredEnvironment environment) {
        DesiredStateStatus current = status;
        return current.latestValid() || !current.loadAttempted() ? List.of()
                : DiagnosticScope.errorsConcerning(current.diagnostics(), environment,
                        current.state().map(DesiredState::environments).orElse(List.of()));
    }

    /** When a poll last completed, null before the first; the liveness check watches it. */
    public Instant lastPollCompletedAt() {
        return lastPollCompletedAt;
    }

    public long loadCount(LoadOutcome outcome) {
        return loadCounts.get(outcome).get();
    }

    /** The directory the state is loaded from; in git mode the desired-state path inside the checkout. */
    public Path root() {
        return root;
    }

    /** The git source's fetch status (commit in force, last fetch failure), empty in directory mode. */
    public Optional<GitSourceStatus> gitStatus() {
        return Optional.ofNullable(git).map(GitSource::status);
    }

    /** Loads {@link #root}; {@code commit} names the revision in git mode, null in directory mode. */
    private void load(String commit) {
        LoadResult result = DesiredStateLoader.load(root);
        Instant loadedAt = Instant.now();
        DesiredStateStatus previous = status;
        boolean valid = result.state() != null && !result.hasErrors();
        String revision = commit != null ? commit : valid ? result.state().revision()
                : TreeRevision.of(root);
        DesiredState loaded = valid ? result.state().atRevision(revision) : previous.inForce();
        status = new DesiredStateStatus(loaded, revision, valid, result.diagnostics(), loadedAt);
        loadCounts.get(valid ? LoadOutcome.VALID : LoadOutcome.INVALID).incrementAndGet();
        if (!revision.equals(previous.latestRevision())) {
            report(status);
        }
        if (!revision.equals(lastRecordedRevision)) {
            record(status, loadedAt);
        }
    }

    private void report(DesiredStateStatus current) {
        if (current.latestValid()) {
            LOG.infof("desired state %s loaded from %s: %d environment(s)", current.latestRevision(), root,
                    current.environmentCount());
        } else {
            LOG.errorf("desired state %s in %s has %d error(s); %s", current.latestRevision(), root,
                    current.errorCount(), current.inForce() == null
                            ? "no valid desired state yet, nothing will be changed"
                            : "keeping " + current.inForce().revision() + " in force");
        }
        List<Diagnostic> diagnostics = current.diagnostics();
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.severity() == Diagnostic.Severity.ERROR) {
                LOG.error(diagnostic.render());
            } else {
                LOG.warn(diagnostic.render());
            }
        }
    }

    private void record(DesiredStateStatus current, Instant loadedAt) {
        try {
            loads.record(new DesiredStateLoad(0, current.latestRevision(), loadedAt, current.latestValid(),
                    current.errorCount(), DiagnosticsJson.render(current.diagnostics())));
            lastRecordedRevision = current.latestRevision();
        } catch (StoreException e) {
            LOG.warnf("could not record desired-state load %s: %s", current.latestRevision(), e.getMessage());
        }
    }
}
