package dev.switchman.rollout;

import java.time.Duration;

/** What the reconciler should do about an environment's rollout before it observes and plans. */
public sealed interface RolloutGate {

    /** Nothing holds the environment back: observe, plan, apply. */
    record Proceed() implements RolloutGate {
    }

    /** A rollout (or its rollback) is under way: look again after {@code after}. */
    record Wait(String revision, Duration after, String reason) implements RolloutGate {
    }

    /**
     * The revision is quarantined: do not apply it ({@code reason} is {@code RevisionQuarantined}, or
     * {@code MigrationFailed} when its migration command failed).
     */
    record Stop(String reason, String message) implements RolloutGate {
    }
}
