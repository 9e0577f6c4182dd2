package dev.switchman.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.apply.ConfigPatch;
import dev.switchman.apply.SettingWrites;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.settings.Setting;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a plan to a recorded environment answer ({@code observed.json}) as a batched run writes it and Railway
 * keeps it, then reads the answer back with the real parser: for the convergence property (plan, apply, plan
 * again: nothing left). Settings and variables go through the apply step's own {@link ConfigPatch} (and
 * {@link SettingWrites} for what a patch cannot say), so a write or a parser line that is missing or wrong leaves a
 * change behind. Railway's side is modelled without the setting catalog: a patch deep-merges into the config (a
 * null deletes, a sealed variable stays sealed), a {@code ServiceInstance} field whose config key was deleted shows
 * null, an update input sets the instance's fields.
 */
final class SimulatedApply {

    private final ObjectNode environment;
    private final ConfigPatch patch = new ConfigPatch();
    private final Map<String, Map<String, Object>> settings = new LinkedHashMap<>();

    private SimulatedApply(JsonNode recorded) {
        JsonNode env = recorded.has("data") ? recorded.path("data").path("environment") : recorded;
        this.environment = env.deepCopy();
    }

    static ObservedEnvironment apply(Plan plan, JsonNode recorded) {
        SimulatedApply apply = new SimulatedApply(recorded);
        plan.changes().forEach(apply::apply);
        apply.settings.forEach(apply::writeSettings);
        apply.commit();
        apply.environment.put("configEtag", apply.environment.path("configEtag").asText() + "+1");
        return RailwayEnvironmentParser.parse(apply.environment);
    }

    private void apply(Change change) {
        switch (change) {
            case Change.ServiceCreate create -> {
                ObjectNode node = edges("serviceInstances").addObject().putObject("node");
                node.put("id", "si-" + create.service()).put("serviceId", "id-" + create.service())
                        .put("serviceName", create.service());
                settingsOf(create.service()).putAll(create.settings());
                create.variables().forEach((name, value) ->
                        patch.variable(VariableScope.service(create.service()), id(create.service()), name,
                                written(value)));
            }
            case Change.ServiceDelete delete -> {
                config("services").remove(id(delete.service()));
                removeEdge("serviceInstances", "serviceName", delete.service());
            }
            case Change.SettingUpdate update when update.setting() == Setting.VOLUME_MOUNT_PATH ->
                    volume(update.service()).put("mountPath", String.valueOf(update.after()));
            case Change.SettingUpdate update -> settingsOf(update.service()).put(update.path(), update.after());
            case Change.VariableSet set -> patch.variable(set.scope(), scopeId(set.scope()), set.name(),
                    written(set.after()));
            case Change.VariableDelete delete -> patch.variable(delete.scope(), scopeId(delete.scope()),
                    delete.name(), null);
            case Change.VolumeCreate volume -> {
                String id = id(volume.service());
                edges("volumeInstances").addObject().putObject("node").put("id", "vi-" + volume.service())
                        .put("volumeId", "vol-" + volume.service()).put("serviceId", id)
                        .put("mountPath", volume.mountPath()).put("sizeMB", 5000).put("state", "READY");
                schedules(mounts(id, "vol-" + volume.service()), volume.backupSchedules());
            }
            case Change.VolumeBackupSchedulesUpdate schedules -> {
                String id = id(schedules.service());
                schedules(mounts(id, volume(schedules.service()).path("volumeId").asText()), schedules.after());
            }
        }
    }

    /** As a batched run: into the patch what it can say, the rest as {@code serviceInstanceUpdate} does. */
    private void writeSettings(String service, Map<String, Object> values) {
        Map<String, Object> byMutation = patch.settings(id(service), values);
        SettingWrites writes = SettingWrites.of(byMutation);
        merge(instance(service), writes.input());
    }

    /** Railway commits the patch; the instance's fields follow the config keys it deleted. */
    private void commit() {
        ObjectNode config = (ObjectNode) environment.path("config");
        merge(config, patch.json());
        patch.json().path("services").properties().forEach(service -> {
            ObjectNode instance = instanceById(service.getKey());
            service.getValue().properties().forEach(group -> group.getValue().properties().forEach(key -> {
                if (key.getValue().isNull() && instance != null) {
                    ObjectNode parent = "source".equals(group.getKey()) && instance.path("source").isObject()
                            ? (ObjectNode) instance.get("source") : instance;
                    parent.putNull(key.getKey());
                }
            }));
        });
    }

    /** Railway's patch rule: objects merge key by key, a null deletes the key, anything else replaces it. */
    private static void merge(ObjectNode target, JsonNode patch) {
        patch.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject()) {
                JsonNode existing = target.get(entry.getKey());
                merge(existing instanceof ObjectNode o ? o : target.putObject(entry.getKey()), value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }

    private Map<String, Object> settingsOf(String service) {
        return settings.computeIfAbsent(service, s -> new LinkedHashMap<>());
    }

    private String scopeId(VariableScope scope) {
        return scope.isShared() ? null : id(scope.service());
    }

    private String id(String service) {
        ObjectNode instance = instance(service);
        return instance == null ? "id-" + service : instance.path("serviceId").asText();
    }

    private ObjectNode instance(String service) {
        return find("serviceInstances", "serviceName", service);
    }

    private ObjectNode instanceById(String serviceId) {
        return find("serviceInstances", "serviceId", serviceId);
    }

    private ObjectNode volume(String service) {
        return find("volumeInstances", "serviceId", id(service));
    }

    private ObjectNode find(String connection, String field, String value) {
        for (JsonNode edge : edges(connection)) {
            if (value.equals(edge.path("node").path(field).asText())) {
                return (ObjectNode) edge.get("node");
            }
        }
        return null;
    }

    private void removeEdge(String connection, String field, String value) {
        for (Iterator<JsonNode> edges = edges(connection).iterator(); edges.hasNext(); ) {
            if (value.equals(edges.next().path("node").path(field).asText())) {
                edges.remove();
            }
        }
    }

    private ArrayNode edges(String connection) {
        ObjectNode parent = environment.get(connection) instanceof ObjectNode o ? o : environment.putObject(connection);
        return parent.get("edges") instanceof ArrayNode a ? a : parent.putArray("edges");
    }

    private ObjectNode config(String key) {
        ObjectNode config = environment.get("config") instanceof ObjectNode o ? o : environment.putObject("config");
        return config.get(key) instanceof ObjectNode o ? o : config.putObject(key);
    }

    private ObjectNode mounts(String serviceId, String volumeId) {
        ObjectNode service = config("services").get(serviceId) instanceof ObjectNode o ? o
                : config("services").putObject(serviceId);
        ObjectNode mounts = service.get("volumeMounts") instanceof ObjectNode o ? o : service.putObject("volumeMounts");
        return mounts.get(volumeId) instanceof ObjectNode o ? o : mounts.putObject(volumeId);
    }

    private static void schedules(ObjectNode mount, List<String> kinds) {
        ArrayNode array = mount.putArray("backupSchedules");
        kinds.forEach(array::add);
    }

    private static String written(PlannedValue value) {
        return switch (value) {
            case PlannedValue.Plain plain -> plain.value();
            case PlannedValue.Secret secret -> secret.reveal().orElseThrow();
        };
    }
}
