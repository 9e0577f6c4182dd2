package dev.switchman.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.settings.Setting;
import java.util.List;

/**
 * The JSON form of a plan. Shape (version 1; fields are only ever added):
 *
 * <pre>
 * { "formatVersion": 1, "project": "django-api", "environment": "production",
 *   "environmentId": "..." | null, "revision": "..." | null, "baseConfigEtag": "..." | null,
 *   "changes": [ { "action": "CREATE" | "UPDATE" | "DELETE",
 *                  "effect": "IN_PLACE" | "REDEPLOY" | "DESTRUCTIVE",
 *                  "kind": "service" | "setting" | "variable" | "volume" | "volumeBackupSchedules",
 *                  "address": "service.backend.deploy.healthcheckTimeout",
 *                  "service": "backend" | null,
 *                  "path": "deploy.healthcheckTimeout" | "variables.SECRET_KEY" | null,
 *                  "before": any | null, "after": any | null,
 *                  "sensitive": false } ],
 *   "redeploys": ["backend"],
 *   "notes": [ { "address": "...", "message": "..." } ],
 *   "blockers": [ { "address": "...", "message": "..." } ],
 *   "summary": { "add": 1, "change": 2, "destroy": 0, "empty": false, "applicable": true } }
 * </pre>
 *
 * A sensitive {@code before}/{@code after} is null with {@code "sensitive": true}. A service create
 * has {@code after = {"settings": {...}, "variables": {...}}}, where a secret variable is null and
 * listed in {@code "sensitiveVariables"}.
 */
final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String write(Plan plan) {
        try {
            return JSON.writeValueAsString(tree(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    static ObjectNode tree(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        root.put("project", plan.project());
        root.put("environment", plan.environment());
        root.put("environmentId", plan.environmentId());
        root.put("revision", plan.revision());
        root.put("baseConfigEtag", plan.baseConfigEtag());
        ArrayNode changes = root.putArray("changes");
        plan.changes().forEach(change -> changes.add(change(change)));
        ArrayNode redeploys = root.putArray("redeploys");
        plan.redeploys().forEach(redeploys::add);
        notes(root.putArray("notes"), plan.notes());
        notes(root.putArray("blockers"), plan.blockers());
        ObjectNode summary = root.putObject("summary");
        summary.put("add", plan.toAdd());
        summary.put("change", plan.toChange());
        summary.put("destroy", plan.toDestroy());
        summary.put("empty", plan.isEmpty());
        summary.put("applicable", plan.isApplicable());
        return root;
    }

    private static ObjectNode change(Change change) {
        ObjectNode node = JSON.createObjectNode();
        node.put("action", change.action().name());
        node.put("effect", change.effect().name());
        node.put("address", change.address());
        node.put("service", change.service());
        switch (change) {
            case Change.ServiceCreate create -> {
                node.put("kind", "service");
                node.putNull("path");
                node.putNull("before");
                ObjectNode after = node.putObject("after");
                after.set("settings", JSON.valueToTree(create.settings()));
                ObjectNode variables = after.putObject("variables");
                ArrayNode sensitive = node.putArray("sensitiveVariables");
                create.variables().forEach((name, value) -> {
                    variables.set(name, value(value));
                    if (value.sensitive()) {
                        sensitive.add(name);
                    }
                });
                node.put("sensitive", !sensitive.isEmpty());
            }
            case Change.ServiceDelete delete -> plain(node, "service", null, null, null);
            case Change.SettingUpdate update -> plain(node, "setting", update.path(), update.before(), update.after());
            case Change.VariableSet set -> {
                node.put("kind", "variable");
                node.put("path", "variables." + set.name());
                node.set("before", set.before() == null ? null : value(set.before()));
                node.set("after", value(set.after()));
                node.put("sensitive", set.after().sensitive() || set.before() != null && set.before().sensitive());
            }
            case Change.VariableDelete delete -> {
                node.put("kind", "variable");
                node.put("path", "variables." + delete.name());
                node.putNull("before");
                node.putNull("after");
                node.put("sensitive", true);
            }
            case Change.VolumeCreate volume -> plain(node, "volume", "volume", null, PlanRenderer.volumeValue(volume));
            case Change.VolumeBackupSchedulesUpdate schedules -> plain(node, "volumeBackupSchedules",
                    Setting.VOLUME_BACKUP_SCHEDULES.path(), schedules.before(), schedules.after());
        }
        return node;
    }

    private static void plain(ObjectNode node, String kind, String path, Object before, Object after) {
        node.put("kind", kind);
        node.put("path", path);
        node.set("before", JSON.valueToTree(before));
        node.set("after", JSON.valueToTree(after));
        node.put("sensitive", false);
    }

    private static JsonNode value(PlannedValue value) {
        return switch (value) {
            case PlannedValue.Plain plain -> JSON.getNodeFactory().textNode(plain.value());
            case PlannedValue.Secret secret -> JSON.getNodeFactory().nullNode();
        };
    }

    private static void notes(ArrayNode array, List<PlanNote> notes) {
        notes.forEach(note -> array.addObject().put("address", note.address()).put("message", note.message()));
    }
}
