package dev.switchman.reconcile;

import dev.switchman.apply.ApplyReport;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.plan.Plan;
import dev.switchman.plan.PlanNote;
import dev.switchman.railway.Operation;
import dev.switchman.railway.RailwayException;
import dev.switchman.rollout.RolloutGate;
import dev.switchman.rollout.Rollouts;
import dev.switchman.store.Quarantine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The outcome each way a run can end maps to. */
final class Outcomes {

    /** Deployment statuses that are still on their way to SUCCESS or FAILED. */
    private static final Set<String> IN_PROGRESS =
            Set.of("INITIALIZING", "QUEUED", "WAITING", "BUILDING", "DEPLOYING", "NEEDS_APPROVAL");
    private static final Duration REQUEUE_WHILE_DEPLOYING = Duration.ofSeconds(15);

    private Outcomes() {
    }

    /**
     * Railway failures, reads and writes alike: wait and retry (a 429 or a spent budget as long as Railway or the
     * budget says), or stop until someone fixes the token or the input.
     */
    static ReconcileOutcome of(RailwayException failure, Duration retryAfter) {
        return of(failure, failure.getMessage(), retryAfter);
    }

    private static ReconcileOutcome of(RailwayException failure, String message, Duration retryAfter) {
        return switch (failure) {
            case RailwayException.Transient t -> new ReconcileOutcome.Retry("RailwayUnavailable", message, retryAfter);
            case RailwayException.RateLimited r -> new ReconcileOutcome.Retry("RailwayRateLimited", message,
                    r.retryAfter().orElse(retryAfter));
            case RailwayException.Conflict c -> new ReconcileOutcome.Retry("RailwayChanged", message, retryAfter);
            case RailwayException.NotFound n -> new ReconcileOutcome.Stalled(
                    n.operation() == Operation.ENVIRONMENT_STATE ? "RailwayEnvironmentNotFound" : "RailwayNotFound",
                    message);
            case RailwayException.Rejected r -> new ReconcileOutcome.Stalled("RailwayRejected", message);
            case RailwayException.Unauthorized u -> new ReconcileOutcome.Stalled("RailwayUnauthorized", message);
        };
    }

    /** A plan with blockers: nothing was written. */
    static ReconcileOutcome blocked(Plan plan) {
        boolean secret = plan.blockers().stream().anyMatch(b -> b.kind() == PlanNote.Kind.UNRESOLVED_SECRET);
        return new ReconcileOutcome.Stalled(secret ? "SecretMissing" : "PlanBlocked",
                plan.blockers().stream().map(PlanNote::toString).collect(Collectors.joining("; ")));
    }

    /** Nothing to change; still Progressing while a deployment is on its way. */
    static ReconcileOutcome inSync(String revision, ObservedEnvironment observed) {
        List<String> deploying = observed.services().values().stream()
                .filter(s -> s.latestDeployment() != null && IN_PROGRESS.contains(s.latestDeployment().status()))
                .map(ObservedService::name).toList();
        return deploying.isEmpty()
                ? new ReconcileOutcome.Converged(revision, 0, 0)
                : new ReconcileOutcome.Progressing(revision, REQUEUE_WHILE_DEPLOYING, "DeploymentsInProgress");
    }

    /** The first failure of an apply decides; a Railway failure maps as a read's would. */
    static ReconcileOutcome failed(ApplyReport report, Duration retryAfter) {
        ApplyReport.Failure first = report.failures().stream()
                .filter(f -> f.kind() != ApplyReport.FailureKind.UNSUPPORTED).findFirst()
                .orElse(report.failures().get(0));
        String message = first.address() + ": " + first.message();
        if (first.cause() != null) {
            return of(first.cause(), message, retryAfter);
        }
        return switch (first.kind()) {
            case STAGED_CHANGES_PENDING -> new ReconcileOutcome.Retry("StagedChangesPending", message, retryAfter);
            case CONFLICT -> new ReconcileOutcome.Retry("RailwayChanged", message, retryAfter);
            case UNSUPPORTED -> new ReconcileOutcome.Stalled("UnsupportedChange", message);
            default -> new ReconcileOutcome.Retry("ApplyFailed", message, retryAfter);
        };
    }

    /** The run's error column: null when nothing went wrong. */
    static String error(ReconcileOutcome outcome) {
        return switch (outcome) {
            case ReconcileOutcome.Retry r -> r.reason() + ": " + r.message();
            case ReconcileOutcome.Stalled s -> s.reason() + ": " + s.message();
            default -> null;
        };
    }

    /** A quarantined fingerprint: stalled, with why and how to lift it. */
    static ReconcileOutcome quarantined(Quarantine quarantine) {
        RolloutGate.Stop stop = Rollouts.stop(quarantine);
        return new ReconcileOutcome.Stalled(stop.reason(), stop.message());
    }

    /** The outcome a rollout imposes on the run, or null to go on observing and planning. */
    static ReconcileOutcome held(RolloutGate gate) {
        return switch (gate) {
            case RolloutGate.Proceed proceed -> null;
            case RolloutGate.Wait wait -> new ReconcileOutcome.Progressing(wait.revision(), wait.after(), wait.reason());
            case RolloutGate.Stop stop -> new ReconcileOutcome.Stalled(stop.reason(), stop.message());
        };
    }
}
