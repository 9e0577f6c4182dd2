package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.Policy;
import dev.switchman.store.EnvironmentControl;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Decides when each environment runs and runs it on a small executor: at most one run per
 * environment at a time; a new fingerprint of the environment (not a change elsewhere in the tree), a
 * manual request or a resume runs it at the next tick; otherwise its interval (jittered), the requeue of a Progressing outcome, or the backoff of a
 * Retry; a Stalled environment is still read at its interval (and at once on a new fingerprint or a
 * request), so that its drift and its deployments keep being reported. A suspended environment (API
 * or {@code policy.suspend}) is still read and reported at its interval but never acted on: the
 * reconciler gets it with {@code policy.suspend} set, which it honours by planning without applying.
 * Plain class: {@link ReconcileLoop} wires it, tests drive {@link #tick()} with their own clock.
 */
public final class ReconcileScheduler {

    private static final Logger LOG = Logger.getLogger(ReconcileScheduler.class);
    /** An environment whose next interval run is within this share of its interval may join a read batch. */
    private static final int PULL_FORWARD = 4;

    /**
     * One reconcile of one environment at its own {@code fingerprint}, read from the tree at {@code provenance}
     * (commit or content revision); {@link EnvironmentReconciler#reconcile} in production.
     */
    @FunctionalInterface
    public interface Action {
        ReconcileOutcome reconcile(DesiredEnvironment environment, String fingerprint, String provenance,
                String trigger);

        /** These environments start together: their reads may go out as one request. */
        default void startTogether(List<DesiredEnvironment> batch) {
        }
    }

    /** What the loop knows of the API budget: its hourly size, and how long a thread has waited for it. */
    public interface Budget {
        Budget NONE = new Budget() {
        };

        /** Requests per hour; unlimited when not known. */
        default int perHour() {
            return Integer.MAX_VALUE;
        }

        /** Environments read in one request. */
        default int batch() {
            return 1;
        }

        /** How long {@code thread} waited for the budget since its run started. */
        default Duration waited(Thread thread) {
            return Duration.ZERO;
        }

        /** A new run starts on {@code thread}: its waits count from zero. */
        default void runStarts(Thread thread) {
        }
    }

    private final Action action;
    private final Supplier<Optional<DesiredState>> desired;
    private final Function<DesiredEnvironment, String> invalid;
    private final EnvironmentControlRepository controls;
    private final ExecutorService executor;
    private final InstantSource clock;
    private final RunDelays delays;
    private final Budget budget;
    private final Map<String, EnvironmentWorker> workers = new LinkedHashMap<>();
    private BudgetFit fit = BudgetFit.UNLIMITED;
    private Map<String, EnvironmentControl> knownControls = Map.of();
    private boolean controlsRead;
    private boolean stopped;

    ReconcileScheduler(Action action, Supplier<Optional<DesiredState>> desired,
            EnvironmentControlRepository controls, ExecutorService executor, InstantSource clock,
            RunDelays delays) {
        this(action, desired, environment -> "", controls, executor, clock, delays, Budget.NONE);
    }

    /**
     * @param invalid the revision of a newer, invalid desired state that concerns an environment ("" when none);
     *     a change of it runs the environment, so that its status says so at once
     */
    ReconcileScheduler(Action action, Supplier<Optional<DesiredState>> desired,
            Function<DesiredEnvironment, String> invalid, EnvironmentControlRepository controls,
            ExecutorService executor, InstantSource clock, RunDelays delays, Budget budget) {
        this.budget = budget;
        this.action = action;
        this.desired = desired;
        this.invalid = invalid;
        this.controls = controls;
        this.executor = executor;
        this.clock = clock;
        this.delays = delays;
    }

    /** Starts every environment that is due; returns their qualified names. */
    public List<String> tick() {
        Optional<DesiredState> state = desired.get();
        Map<String, EnvironmentControl> previous = knownControls();
        Optional<Map<String, EnvironmentControl>> read = readControls();
        List<String> started = new ArrayList<>();
        synchronized (this) {
            if (stopped || state.isEmpty() || read.isEmpty()) {
                return started;
            }
            Map<String, EnvironmentControl> current = read.get();
            Instant now = clock.instant();
            String provenance = state.get().revision();
            List<DesiredEnvironment> environments = state.get().environments();
            workers.keySet().removeIf(name -> !workers.get(name).running
                    && environments.stream().noneMatch(e -> e.qualifiedName().equals(name)));
            refit(environments);
            List<Start> starts = new ArrayList<>();
            List<Start> early = new ArrayList<>();
            for (DesiredEnvironment environment : environments) {
                EnvironmentWorker worker = workers.computeIfAbsent(environment.qualifiedName(), EnvironmentWorker::new);
                noticeRequest(worker, current.get(environment.qualifiedName()));
                noticeResume(worker, previous.get(environment.qualifiedName()),
                        current.get(environment.qualifiedName()));
                String fingerprint = state.get().fingerprint(environment);
                String invalidNow = invalid.apply(environment);
                String trigger = worker.dueTrigger(now, fingerprint, invalidNow);
                DesiredEnvironment target = isSuspended(current.get(environment.qualifiedName()))
                        ? suspendedCopy(environment) : environment;
                Start start = new Start(worker, target, fingerprint, invalidNow, trigger);
                if (trigger != null) {
                    starts.add(start);
                } else if (worker.dueSoon(now, fit.effective(interval(environment)).dividedBy(PULL_FORWARD))) {
                    early.add(start);
                }
            }
            joinBatches(starts, early, now);
            for (List<Start> batch : batches(starts)) {
                action.startTogether(batch.stream().map(Start::environment).toList());
                for (Start start : batch) {
                    if (submit(start.worker(), start.environment(), start.fingerprint(), start.invalid(), provenance,
                            start.trigger(), now)) {
                        started.add(start.worker().qualifiedName);
                    }
                }
            }
        }
        return started;
    }

    /** One environment about to start. */
    private record Start(EnvironmentWorker worker, DesiredEnvironment environment, String fingerprint,
            String invalid, String trigger) {
    }

    /**
     * When some environments start, those whose next interval run is near come along to fill their read batch:
     * one request reads them all, and cohorts form that keep reading together.
     */
    private void joinBatches(List<Start> starts, List<Start> early, Instant now) {
        int batch = Math.max(1, budget.batch());
        if (starts.isEmpty() || batch == 1) {
            return;
        }
        int room = batch - starts.size() % batch;
        early.stream().sorted(Comparator.comparing(s -> s.worker().nextRunAt)).limit(room % batch)
                .forEach(s -> starts.add(new Start(s.worker(), s.environment(), s.fingerprint(), s.invalid(),
                        "interval")));
    }

    private List<List<Start>> batches(List<Start> starts) {
        int batch = Math.max(1, budget.batch());
        List<List<Start>> batches = new ArrayList<>();
        for (int i = 0; i < starts.size(); i += batch) {
            batches.add(starts.subList(i, Math.min(starts.size(), i + batch)));
        }
        return batches;
    }

    /** Fits the declared intervals into the budget; says so once whenever the fit changes. */
    private void refit(List<DesiredEnvironment> environments) {
        BudgetFit next = BudgetFit.of(environments.stream().map(ReconcileScheduler::interval).toList(),
                budget.perHour(), budget.batch());
        if (next.stretched() && Math.abs(next.stretch() - fit.stretch()) > 0.01) {
            LOG.warn(next.describe(environments.size()));
        } else if (!next.stretched() && fit.stretched()) {
            LOG.infof("%d environment(s) fit the API budget at their declared intervals again", environments.size());
        }
        fit = next;
    }

    /** How the declared intervals fit the API budget now. */
    public synchronized BudgetFit fit() {
        return fit;
    }

    private static Duration interval(DesiredEnvironment environment) {
        Duration interval = environment.policy() == null ? null : environment.policy().interval();
        return interval != null ? interval : Policy.DEFAULT.interval();
    }

    /** The loop's view of every environment it has seen, in declaration order. */
    public synchronized List<EnvironmentSchedule> schedules() {
        Map<String, DesiredEnvironment> declared = new HashMap<>();
        desired.get().ifPresent(s -> s.environments().forEach(e -> declared.put(e.qualifiedName(), e)));
        return workers.values().stream().map(w -> {
            DesiredEnvironment environment = declared.get(w.qualifiedName);
            Duration interval = environment == null ? Policy.DEFAULT.interval() : interval(environment);
            boolean suspended = environment != null && environment.policy().suspend()
                    || isSuspended(knownControls.get(w.qualifiedName));
            return w.view(suspended, interval, fit.effective(interval));
        }).toList();
    }

    public Optional<EnvironmentSchedule> schedule(String qualifiedName) {
        return schedules().stream().filter(s -> s.qualifiedName().equals(qualifiedName)).findFirst();
    }

    /**
     * When the oldest run in progress started, its time waiting for the API budget left out (a run held back by the
     * budget is not wedged); empty when none is running.
     */
    public synchronized Optional<Instant> oldestRunStartedAt() {
        return workers.values().stream().filter(w -> w.running)
                .map(w -> w.runningThread == null ? w.runningSince : w.runningSince.plus(budget.waited(w.runningThread)))
                .min(Instant::compareTo);
    }

    /** The thread running {@code qualifiedName}'s run now, null when none is (tests). */
    synchronized Thread runningThread(String qualifiedName) {
        EnvironmentWorker worker = workers.get(qualifiedName);
        return worker == null ? null : worker.runningThread;
    }

    /** Waits until no run is in progress (tests; shutdown); false when {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (workers.values().stream().anyMatch(w -> w.running)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** No run starts after this; runs in progress go on. */
    public synchronized void stop() {
        stopped = true;
    }

    private boolean submit(EnvironmentWorker worker, DesiredEnvironment environment, String fingerprint,
            String invalidNow, String provenance, String trigger, Instant now) {
        worker.started(now, fingerprint, invalidNow, trigger, environment.policy().suspend());
        try {
            executor.execute(() -> run(worker, environment, fingerprint, provenance, trigger));
            return true;
        } catch (RejectedExecutionException e) {
            worker.running = false;
            worker.runningSince = null;
            return false;
        }
    }

    private void run(EnvironmentWorker worker, DesiredEnvironment environment, String fingerprint, String provenance,
            String trigger) {
        budget.runStarts(Thread.currentThread());
        synchronized (this) {
            worker.runningThread = Thread.currentThread();
        }
        ReconcileOutcome outcome;
        try {
            outcome = action.reconcile(environment, fingerprint, provenance, trigger);
            if (outcome == null) {
                outcome = new ReconcileOutcome.Retry("NoOutcome", "the reconciler returned no outcome", Duration.ZERO);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "reconcile of %s failed unexpectedly; retrying with backoff", environment.qualifiedName());
            outcome = new ReconcileOutcome.Retry("ReconcilerFailed", String.valueOf(e.getMessage()), Duration.ZERO);
        }
        synchronized (this) {
            worker.finished(outcome, clock.instant(), fit.effective(interval(environment)), delays);
            notifyAll();
        }
    }

    /** A request newer than the last one handled becomes a pending manual run. */
    private static void noticeRequest(EnvironmentWorker worker, EnvironmentControl control) {
        Instant requested = control == null ? null : control.reconcileRequestedAt();
        if (requested != null && (worker.requestHandled == null || requested.isAfter(worker.requestHandled))) {
            worker.requestHandled = requested;
            if (worker.revisionSeen != null) {
                worker.pendingTrigger = "manual";
            }
        }
    }

    private static void noticeResume(EnvironmentWorker worker, EnvironmentControl before, EnvironmentControl now) {
        if (isSuspended(before) && !isSuspended(now) && worker.revisionSeen != null) {
            worker.pendingTrigger = "resume";
        }
    }

    /** The environment as the reconciler must see it while suspended through the API. */
    private static DesiredEnvironment suspendedCopy(DesiredEnvironment environment) {
        Policy policy = environment.policy();
        return new DesiredEnvironment(environment.project(), environment.name(), environment.railwayEnvironmentId(),
                environment.services(), environment.sharedVariables(), environment.databases(),
                new Policy(policy.drift(), policy.prune(), policy.rollback(), policy.interval(), true),
                environment.source(), environment.sources());
    }

    private static boolean isSuspended(EnvironmentControl control) {
        return control != null && control.suspended();
    }

    private synchronized Map<String, EnvironmentControl> knownControls() {
        return knownControls;
    }

    /**
     * The controls as stored now; a store that cannot answer keeps the last known ones (a blip must
     * not resume anything), and before the first answer nothing runs (a suspension may exist).
     */
    private Optional<Map<String, EnvironmentControl>> readControls() {
        try {
            Map<String, EnvironmentControl> read = new HashMap<>();
            controls.list().forEach(c -> read.put(c.qualifiedName(), c));
            synchronized (this) {
                knownControls = Map.copyOf(read);
                controlsRead = true;
            }
        } catch (StoreException e) {
            LOG.warnf("cannot read environment controls, using the last known: %s", e.getMessage());
        }
        synchronized (this) {
            return controlsRead ? Optional.of(knownControls) : Optional.empty();
        }
    }
}
