package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.apply.ApplyReport;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What one run found and did, gathered while it goes, for the run row and the status. */
final class RunRecord {

    final DesiredEnvironment environment;
    final String revision;
    final String provenance;
    Long id;
    String lastAppliedRevision;
    Plan plan;
    ApplyReport report;
    List<String> drift = List.of();
    Map<String, String> undeployed = Map.of();
    List<String> diagnostics = List.of();
    boolean suspended;

    /** @param revision the environment's fingerprint; {@code provenance} the tree revision it was read at */
    RunRecord(DesiredEnvironment environment, String revision, String provenance) {
        this.environment = environment;
        this.revision = revision;
        this.provenance = provenance;
    }

    /** Changes the run's plan held that did not reach Railway (drift only reported, suspended, blocked, failed). */
    int pendingChanges() {
        if (plan == null) {
            return 0;
        }
        List<String> reached = report == null ? List.of() : report.applied();
        return (int) plan.changes().stream().filter(c -> !reached.contains(c.address())).count();
    }

    StatusRecorder.Facts facts(ReconcileOutcome outcome) {
        return new StatusRecorder.Facts(revision, provenance, lastAppliedRevision, id, drift,
                Math.max(0, pendingChanges()), suspended, undeployed, diagnostics);
    }

    /** The run's JSON summary: counts and addresses, never values. */
    String summary(ReconcileOutcome outcome, Duration took) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("durationMillis", took.toMillis());
        summary.put("reason", StatusRecorder.reason(outcome, facts(outcome)));
        if (plan != null) {
            summary.put("planned", plan.changes().size()).put("toAdd", plan.toAdd()).put("toChange", plan.toChange())
                    .put("toDestroy", plan.toDestroy());
            plan.blockers().forEach(b -> summary.withArray("blockers").add(b.toString()));
        }
        drift.forEach(summary.withArray("drift")::add);
        undeployed.forEach(summary.withObject("undeployed")::put);
        if (report != null) {
            summary.put("replans", report.replans());
            report.applied().forEach(summary.withArray("applied")::add);
            report.deploymentsStarted().forEach(summary.withObject("deployments")::put);
            report.createdServices().forEach(summary.withObject("created")::put);
            report.failures().forEach(f -> summary.withArray("failures").addObject().put("address", f.address())
                    .put("kind", f.kind().name()).put("message", f.message()));
        }
        return summary.toString();
    }
}
