package dev.switchman.reconcile;

import dev.switchman.desired.Policy;
import java.time.Duration;
import java.time.Instant;

/**
 * The loop's memory of one environment: what it last ran, when it runs next and why. Mutable;
 * only {@link ReconcileScheduler} touches it, always under its lock.
 */
final class EnvironmentWorker {

    final String qualifiedName;
    String revisionSeen;
    /** The invalid desired state (its revision) the last run reported, "" when it was valid. */
    String invalidSeen = "";
    Instant nextRunAt;
    String nextTrigger = "interval";
    Instant notBefore;
    String pendingTrigger;
    Instant requestHandled;
    boolean stalled;
    boolean running;
    boolean runningSuspended;
    Instant runningSince;
    Thread runningThread;
    int failures;
    Duration backoff = Duration.ZERO;
    String lastTrigger;
    ReconcileOutcome lastOutcome;

    EnvironmentWorker(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    /**
     * Why this environment should run now, or null when it should not.
     *
     * @param invalid the revision of a newer desired state that concerns the environment and is invalid, "" when
     *     none: its appearing or going away is worth a run, to show it
     */
    String dueTrigger(Instant now, String revision, String invalid) {
        if (running || (notBefore != null && now.isBefore(notBefore))) {
            return null;
        }
        if (pendingTrigger != null) {
            return pendingTrigger;
        }
        if (!revision.equals(revisionSeen) || !invalid.equals(invalidSeen)) {
            return revisionSeen == null ? "startup" : "revision";
        }
        if (nextRunAt == null) {
            return null;
        }
        return now.isBefore(nextRunAt) ? null : nextTrigger;
    }

    /**
     * Whether its next run is an interval run due within {@code window}: it may start early to share a read
     * with others.
     */
    boolean dueSoon(Instant now, Duration window) {
        return !running && !stalled && nextRunAt != null && "interval".equals(nextTrigger) && pendingTrigger == null
                && (notBefore == null || !now.isBefore(notBefore)) && !nextRunAt.isAfter(now.plus(window));
    }

    void started(Instant now, String revision, String invalid, String trigger, boolean suspended) {
        running = true;
        runningSuspended = suspended;
        runningSince = now;
        revisionSeen = revision;
        invalidSeen = invalid;
        lastTrigger = trigger;
        pendingTrigger = null;
    }

    /**
     * Decides the next run from the outcome alone. A stalled environment (quarantined, suspended, a secret
     * missing, ...) is still looked at every interval: it is read, its drift and its deployments reported,
     * so what its status says stays true.
     */
    void finished(ReconcileOutcome outcome, Instant now, Duration interval, RunDelays delays) {
        boolean suspended = runningSuspended;
        interval = interval != null ? interval : Policy.DEFAULT.interval();
        running = false;
        runningSince = null;
        runningThread = null;
        lastOutcome = outcome;
        notBefore = null;
        stalled = false;
        if (!(outcome instanceof ReconcileOutcome.Retry)) {
            failures = 0;
            backoff = Duration.ZERO;
        }
        switch (outcome) {
            case ReconcileOutcome.Converged converged -> schedule(now.plus(delays.interval(interval)), "interval");
            case ReconcileOutcome.Progressing progressing -> schedule(now.plus(positive(progressing.requeueAfter(),
                    delays.backoff(1))), "requeue");
            case ReconcileOutcome.Retry retry -> {
                failures++;
                backoff = delays.backoff(failures);
                Duration wait = retry.notBefore() != null && retry.notBefore().compareTo(backoff) > 0
                        ? retry.notBefore() : backoff;
                notBefore = retry.notBefore() != null && retry.notBefore().isPositive()
                        ? now.plus(retry.notBefore()) : null;
                schedule(now.plus(wait), "retry");
            }
            case ReconcileOutcome.Stalled stalledOutcome -> {
                stalled = !suspended;
                schedule(now.plus(delays.interval(interval)), "interval");
            }
        }
    }

    EnvironmentSchedule view(boolean suspended, Duration declaredInterval, Duration interval) {
        EnvironmentSchedule.State state = running ? EnvironmentSchedule.State.RUNNING
                : suspended ? EnvironmentSchedule.State.SUSPENDED
                : stalled ? EnvironmentSchedule.State.STALLED
                : EnvironmentSchedule.State.WAITING;
        return new EnvironmentSchedule(qualifiedName, state, nextRunAt, notBefore, failures, backoff, revisionSeen,
                lastTrigger, result(lastOutcome),
                reason(lastOutcome), runningSince, declaredInterval, interval);
    }

    private void schedule(Instant at, String trigger) {
        nextRunAt = at;
        nextTrigger = trigger;
    }

    private static Duration positive(Duration wanted, Duration fallback) {
        return wanted != null && wanted.isPositive() ? wanted : fallback;
    }

    private static String result(ReconcileOutcome outcome) {
        return switch (outcome) {
            case null -> null;
            case ReconcileOutcome.Converged converged -> "Converged";
            case ReconcileOutcome.Progressing progressing -> "Progressing";
            case ReconcileOutcome.Retry retry -> "Retry";
            case ReconcileOutcome.Stalled stalled -> "Stalled";
        };
    }

    private static String reason(ReconcileOutcome outcome) {
        return switch (outcome) {
            case null -> null;
            case ReconcileOutcome.Converged converged -> null;
            case ReconcileOutcome.Progressing progressing -> progressing.reason();
            case ReconcileOutcome.Retry retry -> retry.reason();
            case ReconcileOutcome.Stalled stalled -> stalled.reason();
        };
    }
}
