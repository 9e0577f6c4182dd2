package dev.switchman.reconcile;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one environment stands in the loop, as the status API and health checks show it.
 *
 * @param qualifiedName {@code project/environment}
 * @param state what the loop does with it now
 * @param nextRunAt when the next run is due without a trigger, null while waiting for a new
 *     revision (stalled) or while it has never been seen by a tick
 * @param notBefore no run before this instant (Railway asked to wait), null when free
 * @param consecutiveFailures Retry outcomes in a row
 * @param backoff the wait chosen after the last failure, zero when not backing off
 * @param revision the desired revision of the last run started
 * @param lastTrigger why the last run started ({@code startup}, {@code revision}, {@code interval},
 *     {@code retry}, {@code requeue}, {@code manual}, ...)
 * @param lastResult how the last run ended ({@code Converged}, {@code Progressing}, {@code Retry},
 *     {@code Stalled}), null before the first
 * @param lastReason the reason the last outcome gave, null when it gave none
 * @param runningSince when the run in progress started, null when none is
 * @param declaredInterval the environment's {@code policy.interval}
 * @param interval the interval it is read at: the declared one, stretched when the declared environments would
 *     need more than half of the API budget at rest
 */
public record EnvironmentSchedule(
        String qualifiedName,
        State state,
        Instant nextRunAt,
        Instant notBefore,
        int consecutiveFailures,
        Duration backoff,
        String revision,
        String lastTrigger,
        String lastResult,
        String lastReason,
        Instant runningSince,
        Duration declaredInterval,
        Duration interval) {

    public enum State {
        /** Waiting for its next run. */
        WAITING,
        /** A run is in progress. */
        RUNNING,
        /** Stalled: waits for a new revision or a manual trigger. */
        STALLED,
        /** Suspended by the API or by {@code policy.suspend}: read and reported at its interval, never acted on. */
        SUSPENDED
    }
}
