package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.apply.ApplyReport;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The events a run appends: {@code DriftDetected} (with field paths, never values), {@code Applied},
 * {@code ApplyFailed}, and the Stalled reason when a run cannot go on (once, when it starts). Drift is also logged here,
 * once, as a warning.
 */
final class ReconcileEvents {

    private static final Logger LOG = Logger.getLogger(EnvironmentReconciler.class);

    private final EventRepository events;

    ReconcileEvents(EventRepository events) {
        this.events = events;
    }

    void driftDetected(DesiredEnvironment environment, String revision, List<String> addresses, Policy.DriftMode mode) {
        String action = mode == Policy.DriftMode.SELF_HEAL ? "reverting (selfHeal)" : "reporting only (reportOnly)";
        LOG.warnf("drift in %s at revision %s, %s: %s", environment.qualifiedName(), revision, action,
                String.join(", ", addresses));
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("revision", revision).put("mode", mode.name());
        addresses.forEach(details.withArray("fields")::add);
        append(environment, "Warning", "DriftDetected", addresses.size() + " field(s) changed outside Switchman, "
                + action, details);
    }

    void applied(DesiredEnvironment environment, String revision, ApplyReport report) {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("revision", revision)
                .put("replans", report.replans());
        report.applied().forEach(details.withArray("applied")::add);
        report.deploymentsStarted().forEach(details.withObject("deployments")::put);
        if (report.succeeded()) {
            append(environment, "Normal", "Applied", report.applied().size() + " change(s) applied, "
                    + report.deploymentsStarted().size() + " deployment(s) started", details);
        } else {
            report.failures().forEach(f -> details.withArray("failures").addObject().put("address", f.address())
                    .put("kind", f.kind().name()).put("message", f.message()));
            append(environment, "Warning", "ApplyFailed", report.failures().get(0).message(), details);
        }
    }

    void outcome(DesiredEnvironment environment, ReconcileOutcome outcome) {
        if (outcome instanceof ReconcileOutcome.Stalled stalled) {
            append(environment, "Warning", stalled.reason(), stalled.message(), null);
        }
    }

    private void append(DesiredEnvironment environment, String type, String reason, String message, ObjectNode details) {
        events.append(EnvironmentEvent.of(environment.project(), environment.name(), Instant.now(), type, reason,
                message, details == null ? null : details.toString()));
    }
}
