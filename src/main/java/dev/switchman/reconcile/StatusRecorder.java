package dev.switchman.reconcile;

import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns a reconcile outcome into the environment's conditions and saves its status. A
 * condition keeps its {@code lastTransitionTime} while its status stays the same.
 *
 * <ul>
 *   <li>Converged: Ready=True; with drift only reported, Ready=False reason {@code DriftDetected}</li>
 *   <li>Progressing: Ready=False, Reconciling=True</li>
 *   <li>Retry: Ready=False, Reconciling=True (with the reason it will retry)</li>
 *   <li>Stalled: Ready=False, Stalled=True (reason such as {@code SecretMissing}, {@code Suspended})</li>
 * </ul>
 */
final class StatusRecorder {

    /** What a run found beside its outcome. */
    record Facts(String revision, String lastAppliedRevision, Long runId, List<String> drift, int pendingChanges,
            boolean suspended) {
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
        boolean ready = outcome instanceof ReconcileOutcome.Converged && facts.pendingChanges() == 0;
        boolean reconciling = outcome instanceof ReconcileOutcome.Progressing || outcome instanceof ReconcileOutcome.Retry;
        boolean stalled = outcome instanceof ReconcileOutcome.Stalled;
        List<EnvironmentCondition> conditions = List.of(
                condition(previous, EnvironmentCondition.READY, ready, reason, message, now),
                condition(previous, EnvironmentCondition.RECONCILING, reconciling, reason, message, now),
                condition(previous, EnvironmentCondition.STALLED, stalled, reason, message, now));
        repository.save(new EnvironmentStatus(project, environment, conditions, facts.revision(),
                facts.lastAppliedRevision(), facts.runId(), EnvironmentReconciler.result(outcome), facts.drift(),
                facts.pendingChanges(), facts.suspended(), now));
        return previous.flatMap(p -> p.condition(EnvironmentCondition.READY)).map(EnvironmentCondition::reason)
                .filter(reason::equals).isEmpty();
    }

    static String reason(ReconcileOutcome outcome, Facts facts) {
        return switch (outcome) {
            case ReconcileOutcome.Converged c -> facts.pendingChanges() > 0 ? "DriftDetected" : "Converged";
            case ReconcileOutcome.Progressing p -> p.reason();
            case ReconcileOutcome.Retry r -> r.reason();
            case ReconcileOutcome.Stalled s -> s.reason();
        };
    }

    private static String message(ReconcileOutcome outcome, Facts facts) {
        return switch (outcome) {
            case ReconcileOutcome.Converged c -> facts.pendingChanges() > 0
                    ? facts.pendingChanges() + " field(s) differ from revision " + facts.revision()
                            + " and drift is only reported: " + String.join(", ", facts.drift())
                    : "Railway matches revision " + c.revision();
            case ReconcileOutcome.Progressing p -> "deployments started for revision " + p.revision();
            case ReconcileOutcome.Retry r -> r.message();
            case ReconcileOutcome.Stalled s -> s.message();
        };
    }

    private static EnvironmentCondition condition(Optional<EnvironmentStatus> previous, String type, boolean on,
            String reason, String message, Instant now) {
        String status = on ? "True" : "False";
        Instant since = previous.flatMap(p -> p.condition(type)).filter(c -> c.status().equals(status))
                .map(EnvironmentCondition::lastTransitionTime).orElse(now);
        return new EnvironmentCondition(type, status, reason, message, since);
    }
}
