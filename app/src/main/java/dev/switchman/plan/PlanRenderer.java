package dev.switchman.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan for people (Terraform-like text) and for programs (JSON, see {@link PlanJson}).
 * Neither form ever contains a secret value: secrets print as {@value PlannedValue#REDACTED}.
 *
 * <pre>
 *   ~ service.backend.deploy.healthcheckTimeout: 300 -&gt; 120   # forces redeploy
 *   + variable.backend.SECRET_KEY = (sensitive value)
 *   - service.legacy   # destructive
 *
 * Plan: 1 to add, 1 to change, 1 to destroy.
 * </pre>
 */
public final class PlanRenderer {

    private PlanRenderer() {
    }

    public static String text(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ").append(plan.qualifiedEnvironment());
        if (plan.revision() != null) {
            out.append(" at revision ").append(plan.revision());
        }
        out.append('\n');
        if (plan.changes().isEmpty()) {
            out.append("\nNo changes. ").append(plan.environment()).append(" matches the desired state.\n");
        } else {
            out.append('\n');
            plan.changes().forEach(change -> line(out, change));
            out.append("\nPlan: ").append(plan.toAdd()).append(" to add, ").append(plan.toChange())
                    .append(" to change, ").append(plan.toDestroy()).append(" to destroy.\n");
            if (!plan.redeploys().isEmpty()) {
                out.append("Redeploys, in order: ").append(String.join(", ", plan.redeploys())).append('\n');
            }
        }
        section(out, "Notes", plan.notes());
        section(out, "Blockers (the plan cannot be applied)", plan.blockers());
        return out.toString();
    }

    /** The plan as JSON text, pretty-printed; the shape is described on {@link PlanJson}. */
    public static String json(Plan plan) {
        return PlanJson.write(plan);
    }

    /** The plan as a Jackson tree, for callers that embed it in a larger document. */
    public static JsonNode jsonTree(Plan plan) {
        return PlanJson.tree(plan);
    }

    private static void line(StringBuilder out, Change change) {
        String tag = switch (change.effect()) {
            case DESTRUCTIVE -> "   # destructive";
            case REDEPLOY -> change.action() == Change.Action.UPDATE ? "   # forces redeploy" : "";
            case IN_PLACE -> "";
        };
        switch (change) {
            case Change.ServiceCreate create -> {
                out.append("  + ").append(create.address()).append(tag).append('\n');
                create.settings().forEach((path, value) ->
                        out.append("      ").append(path).append(" = ").append(ValueText.render(value)).append('\n'));
                create.variables().forEach((name, value) ->
                        out.append("      variables.").append(name).append(" = ").append(value.render()).append('\n'));
            }
            case Change.ServiceDelete delete -> out.append("  - ").append(delete.address()).append(tag).append('\n');
            case Change.SettingUpdate update -> updated(out, update.address(),
                    ValueText.render(update.before()), ValueText.render(update.after()), tag);
            case Change.VariableSet set when set.before() == null -> out.append("  + ").append(set.address())
                    .append(" = ").append(set.after().render()).append(tag).append('\n');
            case Change.VariableSet set -> updated(out, set.address(), set.before().render(), set.after().render(), tag);
            case Change.VariableDelete delete -> out.append("  - ").append(delete.address()).append(tag).append('\n');
            case Change.VolumeCreate volume -> out.append("  + ").append(volume.address()).append(" = ")
                    .append(ValueText.render(volumeValue(volume)))
                    .append(tag).append('\n');
            case Change.VolumeBackupSchedulesUpdate schedules -> updated(out, schedules.address(),
                    ValueText.render(schedules.before()), ValueText.render(schedules.after()), tag);
        }
    }

    static Map<String, Object> volumeValue(Change.VolumeCreate volume) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("mountPath", volume.mountPath());
        value.put("backupSchedules", volume.backupSchedules());
        return value;
    }

    private static void updated(StringBuilder out, String address, String before, String after, String tag) {
        out.append("  ~ ").append(address).append(": ").append(before).append(" -> ").append(after)
                .append(tag).append('\n');
    }

    private static void section(StringBuilder out, String title, List<PlanNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n");
        notes.forEach(note -> out.append("  ").append(note).append('\n'));
    }
}
