package dev.switchman.reconcile;

import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a reconcile outcome and what the run found into the environment's conditions and saves its status.
 * A condition keeps its {@code lastTransitionTime} while its status stays the same. Ready is True only when
 * Railway runs what is declared: the outcome converged, no drift is left, no deployment is owed and the
 * desired state that concerns the environment is valid.
 *
 * <ul>
 *   <li>Converged: Ready=True; Ready=False reason {@code DriftDetected} with drift only reported,
 *       {@code DeploymentPending} while a configured source is not what runs</li>
 *   <li>Progressing: Ready=False, Reconciling=True</li>
 *   <li>Retry: Ready=False, Reconciling=True (with the reason it will retry)</li>
 *   <li>Stalled: Ready=False, Stalled=True (reason such as {@code RevisionQuarantined}, {@code Suspended})</li>
 *   <li>whatever the outcome, a newer desired state that is invalid: Ready=False reason
 *       {@code DesiredStateInvalid} with its diagnostics, while the last valid one is enforced</li>
 * </ul>
 */
final class StatusRecorder {

    /** What a run found beside its outcome. */
    record Facts(String revision, String provenance, String lastAppliedRevision, Long runId, List<String> drift,
            int pendingChanges, boolean suspended, Map<String, String> undeployed, List<String> diagnostics) {
    }

    private final EnvironmentStatusRepository repository;

    StatusRecorder(EnvironmentStatusRepository repository) {
        this.repository = repository;
    }

    /** Saves the status; true when the reason changed since the last run (worth an event). */
    boolean record(String project, String environment, ReconcileOutcome outcome, Facts facts) {
        Instant now = Instant.now();
        Optional<EnvironmentStatus> previous = repository.find(project, environment);
        String reason = reason(outcome, facts);
        String message = message(outcome, facts);
        boolean invalid = !facts.diagnostics().isEmpty();
        boolean ready = !invalid && outcome instanceof ReconcileOutcome.Converged && facts.pendingChanges() == 0
                && facts.undeployed().isEmpty();
        boolean reconciling = outcome instanceof ReconcileOutcome.Progressing || outcome instanceof ReconcileOutcome.Retry;
        boolean stalled = outcome instanceof ReconcileOutcome.Stalled;
        String readyReason = invalid ? "DesiredStateInvalid" : reason;
        String readyMessage = invalid ? invalidMessage(facts) : message;
        List<EnvironmentCondition> conditions = List.of(
                condition(previous, EnvironmentCondition.READY, ready, readyReason, readyMessage, now),
                condition(previous, EnvironmentCondition.RECONCILING, reconciling, reason, message, now),
                condition(previous, EnvironmentCondition.STALLED, stalled, reason, message, now));
        repository.save(new EnvironmentStatus(project, environment, conditions, facts.revision(),
                facts.lastAppliedRevision(), facts.runId(), EnvironmentReconciler.result(outcome), facts.drift(),
                facts.pendingChanges(), facts.suspended(), now, facts.provenance(), facts.undeployed(),
                facts.diagnostics()));
        return previous.flatMap(p -> p.condition(EnvironmentCondition.READY)).map(EnvironmentCondition::reason)
                .filter(readyReason::equals).isEmpty();
    }

    static String reason(ReconcileOutcome outcome, Facts facts) {
        return switch (outcome) {
            case ReconcileOutcome.Converged c -> facts.pendingChanges() > 0 ? "DriftDetected"
                    : !facts.undeployed().isEmpty() ? "DeploymentPending" : "Converged";
            case ReconcileOutcome.Progressing p -> p.reason();
            case ReconcileOutcome.Retry r -> r.reason();
            case ReconcileOutcome.Stalled s -> s.reason();
        };
    }

    private static String message(ReconcileOutcome outcome, Facts facts) {
        return switch (outcome) {
            case ReconcileOutcome.Converged c when facts.pendingChanges() > 0 -> facts.pendingChanges()
                    + " field(s) differ from what was applied and drift is only reported: "
                    + String.join(", ", facts.drift());
            case ReconcileOutcome.Converged c when !facts.undeployed().isEmpty() -> "configured but not deployed: "
                    + undeployed(facts);
            case ReconcileOutcome.Converged c -> "Railway runs revision " + c.revision()
                    + (facts.provenance() == null ? "" : " (from " + facts.provenance() + ")");
            case ReconcileOutcome.Progressing p -> p.reason().equals("RolloutInProgress") || p.reason().equals("RollingBack")
                    ? "rolling out revision " + p.revision() : p.reason() + " at revision " + p.revision();
            case ReconcileOutcome.Retry r -> r.message();
            case ReconcileOutcome.Stalled s -> facts.undeployed().isEmpty() ? s.message()
                    : s.message() + "; configured but not deployed: " + undeployed(facts);
        };
    }

    private static String undeployed(Facts facts) {
        StringBuilder text = new StringBuilder();
        facts.undeployed().forEach((service, why) -> text.append(text.isEmpty() ? "" : "; ").append(service)
                .append(" (").append(why).append(')'));
        return text.toString();
    }

    private static String invalidMessage(Facts facts) {
        return facts.diagnostics().size() + " error(s) in the desired state of this environment; the last valid"
                + " revision " + facts.revision() + " stays in force: " + String.join("; ", facts.diagnostics());
    }

    private static EnvironmentCondition condition(Optional<EnvironmentStatus> previous, String type, boolean on,
            String reason, String message, Instant now) {
        String status = on ? "True" : "False";
        Instant since = previous.flatMap(p -> p.condition(type)).filter(c -> c.status().equals(status))
                .map(EnvironmentCondition::lastTransitionTime).orElse(now);
        return new EnvironmentCondition(type, status, reason, message, since);
    }
}
