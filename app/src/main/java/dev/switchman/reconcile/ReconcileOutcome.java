package dev.switchman.reconcile;

import java.time.Duration;

/**
 * How one reconcile of one environment ended; the loop decides what happens next from it alone.
 */
public sealed interface ReconcileOutcome {

    /** Railway equals the desired state (after applying, or because nothing differed). */
    record Converged(String revision, int changesApplied, int driftDetected) implements ReconcileOutcome {
    }

    /** Work is under way (for example deployments still running); look again after {@code requeueAfter}. */
    record Progressing(String revision, Duration requeueAfter, String reason) implements ReconcileOutcome {
    }

    /** A transient failure (Railway unavailable, rate-limited, state store down); retry with backoff. */
    record Retry(String reason, String message, Duration notBefore) implements ReconcileOutcome {
    }

    /**
     * Cannot go on until the input changes (invalid desired state, a secret missing, a token that
     * cannot see the environment); {@code reason} reads like the end of a sentence, e.g.
     * {@code InvalidDesiredState}.
     */
    record Stalled(String reason, String message) implements ReconcileOutcome {
    }
}
