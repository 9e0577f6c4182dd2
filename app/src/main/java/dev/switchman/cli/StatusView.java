package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code switchman status} for people: a table of every environment, or one environment in full
 * ({@code argocd app get}). Reads the status API's JSON as it comes, so fields the API gains later
 * (a per-environment fingerprint, provenance, held services, new condition reasons) show up under
 * their own names.
 */
final class StatusView {

    /** The fields laid out here; any other is printed as it comes. */
    private static final Set<String> LAID_OUT = Set.of("project", "name", "desiredRevision", "reconciledRevision",
            "lastAppliedRevision", "conditions", "lastRun", "drift", "pendingChanges", "suspended", "suspendedBy",
            "schedule", "statusUpdatedAt", "lastRollout", "quarantine", "fingerprint");

    private final StatusText text;

    StatusView(StatusText text) {
        this.text = text;
    }

    /** One row per environment: the answer to "is everything as declared, and if not, why". */
    String table(Iterable<JsonNode> environments) {
        if (!environments.iterator().hasNext()) {
            return "No environments: the daemon has no valid desired state in force yet.\n";
        }
        TextTable table = new TextTable("ENVIRONMENT", "READY", "REASON", "REVISION", "LAST RUN", "ROLLOUT", "NEXT RUN",
                "DRIFT");
        for (JsonNode e : environments) {
            JsonNode ready = StatusText.condition(e, "Ready");
            String status = ready.isTextual() ? ready.asText() : ready.path("status").asText("Unknown");
            table.row(StatusText.name(e), text.conditionStatus("Ready", status), ready.path("reason").asText(""),
                    StatusText.shortRevision(StatusText.revision(e)), text.lastRun(e.path("lastRun")),
                    text.rollout(e.path("lastRollout")), text.nextRun(e), String.valueOf(e.path("drift").size()));
        }
        return table.render();
    }

    /** Everything about one environment, its conditions last. */
    String detail(JsonNode e) {
        StringBuilder out = new StringBuilder();
        Style style = text.style();
        line(out, "Environment", style.bold(StatusText.name(e)));
        String revision = StatusText.revision(e);
        String reconciled = e.path("reconciledRevision").asText(revision);
        line(out, "Revision", revision + (reconciled.equals(revision) ? "" : "  (the last run was at " + reconciled + ")"));
        if (e.path("lastAppliedRevision").isTextual()) {
            line(out, "Last applied", e.path("lastAppliedRevision").asText());
        }
        JsonNode lastRun = e.path("lastRun");
        line(out, "Last run", text.lastRun(lastRun) + (lastRun.path("error").isTextual() ? ": " + lastRun.path("error").asText() : ""));
        line(out, "Next run", text.nextRun(e));
        line(out, "Suspended", e.path("suspended").asBoolean() ? style.yellow("yes, by " + e.path("suspendedBy").asText("?")) : "no");
        line(out, "Drift", e.path("drift").isEmpty() ? "none" : style.yellow(GenericFields.text(e.path("drift"))));
        line(out, "Pending changes", e.path("pendingChanges").asText("0"));
        rollout(out, e.path("lastRollout"));
        JsonNode quarantine = e.path("quarantine");
        line(out, "Quarantine", quarantine.isObject() ? style.red(quarantine.path("revision").asText() + " since "
                + text.ago(quarantine.path("since")) + ": " + quarantine.path("reason").asText()) : "none");
        for (Iterator<Map.Entry<String, JsonNode>> fields = e.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!LAID_OUT.contains(field.getKey()) && !field.getValue().isNull()) {
                List<String> lines = GenericFields.lines(field.getValue());
                line(out, GenericFields.label(field.getKey()), lines.get(0));
                lines.stream().skip(1).forEach(more -> out.append(" ".repeat(18)).append(more).append('\n'));
            }
        }
        return out.append('\n').append(conditions(e.path("conditions"))).toString();
    }

    private String conditions(JsonNode conditions) {
        if (conditions.isEmpty()) {
            return "No conditions yet: the environment has not been reconciled.\n";
        }
        TextTable table = new TextTable("CONDITION", "STATUS", "REASON", "SINCE", "MESSAGE");
        conditions.forEach(c -> table.row(c.path("type").asText(), text.conditionStatus(c.path("type").asText(),
                c.path("status").asText()), c.path("reason").asText(""), text.ago(c.path("lastTransitionTime")),
                c.path("message").asText("")));
        return table.render();
    }

    private void rollout(StringBuilder out, JsonNode rollout) {
        if (!rollout.isObject()) {
            line(out, "Rollout", "none yet");
            return;
        }
        line(out, "Rollout", text.rollout(rollout) + " of " + rollout.path("revision").asText() + ", started "
                + text.ago(rollout.path("startedAt")) + (rollout.path("reason").isTextual()
                ? ": " + rollout.path("reason").asText() : ""));
        for (JsonNode service : rollout.path("services")) {
            StringBuilder state = new StringBuilder(service.path("deploymentId").asText("?"));
            for (String field : List.of("status", "stage")) {
                state.append(service.path(field).isTextual() ? " " + service.path(field).asText() : "");
            }
            state.append(service.path("reason").isTextual() ? ": " + service.path("reason").asText() : "");
            if (service.path("rollbackDeploymentId").isTextual()) {
                state.append("; rolled back to ").append(service.path("rollbackDeploymentId").asText()).append(' ')
                        .append(service.path("rollbackStage").asText(""));
            }
            line(out, "  " + service.path("service").asText("?"), state.toString().strip());
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-17s %s%n", label + ":", value));
    }
}
