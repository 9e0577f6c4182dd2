package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.apply.ApplyReport;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.plan.Plan;
import java.time.Duration;
import java.util.List;

/** What one run found and did, gathered while it goes, for the run row and the status. */
final class RunRecord {

    final DesiredEnvironment environment;
    final String revision;
    Long id;
    String lastAppliedRevision;
    Plan plan;
    ApplyReport report;
    List<String> drift = List.of();
    boolean suspended;
    boolean applied;

    RunRecord(DesiredEnvironment environment, String revision) {
        this.environment = environment;
        this.revision = revision;
    }

    /** Changes the last plan held that did not reach Railway. */
    int pendingChanges() {
        if (plan == null || applied) {
            return 0;
        }
        return plan.changes().size() - (report == null ? 0 : report.applied().size());
    }

    StatusRecorder.Facts facts(ReconcileOutcome outcome) {
        return new StatusRecorder.Facts(revision, lastAppliedRevision, id, drift, Math.max(0, pendingChanges()),
                suspended);
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
