package dev.switchman.reconcile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.Diagnostic;
import dev.switchman.desired.LoadResult;
import dev.switchman.store.DesiredStateLoad;
import dev.switchman.store.DesiredStateLoadRepository;
import dev.switchman.store.StoreException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Holds the desired state in force. Loads the desired-state directory at start and whenever its
 * files change; a load with errors never replaces the last valid state (an invalid file must not
 * look like "nothing declared"), it only exposes its diagnostics. Every load whose revision
 * differs from the previous one is recorded in the store; errors are logged once per revision.
 */
@ApplicationScoped
public class DesiredStateHolder {

    /** How a load ended, the {@code result} tag of {@code switchman_desired_state_loads_total}. */
    public enum LoadOutcome { VALID, INVALID, FAILED }

    private static final Logger LOG = Logger.getLogger(DesiredStateHolder.class);

    private final Path root;
    private final DesiredStateLoadRepository loads;
    private final Map<LoadOutcome, AtomicLong> loadCounts = new EnumMap<>(LoadOutcome.class);

    private volatile DesiredStateStatus status = DesiredStateStatus.NOT_LOADED;
    private volatile Instant lastPollCompletedAt;
    private String lastStamp;
    private String lastRecordedRevision;

    public DesiredStateHolder(SwitchmanConfig config, DesiredStateLoadRepository loads) {
        this.root = config.desired().dir();
        this.loads = loads;
        for (LoadOutcome outcome : LoadOutcome.values()) {
            loadCounts.put(outcome, new AtomicLong());
        }
    }

    void loadAtStart(@Observes StartupEvent started) {
        poll();
    }

    @Scheduled(identity = "desired-state-poll", every = "${switchman.desired.poll-interval}",
            delayed = "${switchman.desired.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        poll();
    }

    /** Loads the directory again if its files changed since the last poll; returns the status after. */
    public synchronized DesiredStateStatus poll() {
        try {
            String stamp = DesiredTreeFingerprint.stamp(root);
            if (!stamp.equals(lastStamp)) {
                lastStamp = stamp;
                load();
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

    /** When a poll last completed, null before the first; the liveness check watches it. */
    public Instant lastPollCompletedAt() {
        return lastPollCompletedAt;
    }

    public long loadCount(LoadOutcome outcome) {
        return loadCounts.get(outcome).get();
    }

    public Path root() {
        return root;
    }

    private void load() {
        LoadResult result = DesiredStateLoader.load(root);
        Instant loadedAt = Instant.now();
        DesiredStateStatus previous = status;
        boolean valid = result.state() != null && !result.hasErrors();
        String revision = valid ? result.state().revision() : DesiredTreeFingerprint.contentRevision(root);
        status = new DesiredStateStatus(valid ? result.state() : previous.inForce(), revision, valid,
                result.diagnostics(), loadedAt);
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
