package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stateful stand-in for {@link EnvironmentReconciler}: records every run (environment, revision,
 * trigger, whether it came suspended), answers scripted outcomes per environment (Converged when none
 * is left; Stalled "Suspended" for a suspended environment, as the real one does after planning), can
 * hold an environment's runs until released, and keeps the highest number of concurrent runs it saw.
 */
final class FakeReconciler implements ReconcileScheduler.Action {

    record Run(String environment, String revision, String trigger, boolean suspended) {

        Run(String environment, String revision, String trigger) {
            this(environment, revision, trigger, false);
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Deque<ReconcileOutcome>> scripted = new HashMap<>();
    private final Map<String, CountDownLatch> gates = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Integer> maxInFlight = new HashMap<>();

    synchronized void answer(String environment, ReconcileOutcome... outcomes) {
        scripted.computeIfAbsent(environment, e -> new ArrayDeque<>()).addAll(List.of(outcomes));
    }

    /** Runs of {@code environment} block until {@link #open}. */
    synchronized void hold(String environment) {
        gates.put(environment, new CountDownLatch(1));
    }

    synchronized void open(String environment) {
        gates.remove(environment).countDown();
    }

    @Override
    public ReconcileOutcome reconcile(DesiredEnvironment environment, String revision, String provenance,
            String trigger) {
        String name = environment.qualifiedName();
        CountDownLatch gate;
        synchronized (this) {
            runs.add(new Run(name, revision, trigger, environment.policy().suspend()));
            int now = inFlight.merge(name, 1, Integer::sum);
            maxInFlight.merge(name, now, Math::max);
            gate = gates.get(name);
        }
        try {
            if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate of " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            inFlight.merge(name, -1, Integer::sum);
            if (environment.policy().suspend()) {
                return new ReconcileOutcome.Stalled("Suspended", "changes wait until it is resumed");
            }
            Deque<ReconcileOutcome> next = scripted.get(name);
            return next == null || next.isEmpty() ? new ReconcileOutcome.Converged(revision, 0, 0) : next.poll();
        }
    }

    private final List<List<String>> batches = new ArrayList<>();

    @Override
    public synchronized void startTogether(List<DesiredEnvironment> batch) {
        batches.add(batch.stream().map(DesiredEnvironment::qualifiedName).toList());
    }

    /** The environments the scheduler said start together, each group as it said so. */
    synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<Run> runs(String environment) {
        return runs.stream().filter(r -> r.environment().equals(environment)).toList();
    }

    synchronized int maxConcurrentRuns(String environment) {
        return maxInFlight.getOrDefault(environment, 0);
    }

    static ReconcileOutcome retry(Duration notBefore) {
        return new ReconcileOutcome.Retry("RailwayUnavailable", "Railway answered 503", notBefore);
    }
}
