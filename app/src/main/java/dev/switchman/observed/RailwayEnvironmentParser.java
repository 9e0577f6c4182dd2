package dev.switchman.observed;

import static dev.switchman.observed.JsonValues.absent;
import static dev.switchman.observed.JsonValues.bool;
import static dev.switchman.observed.JsonValues.instant;
import static dev.switchman.observed.JsonValues.integer;
import static dev.switchman.observed.JsonValues.plain;
import static dev.switchman.observed.JsonValues.strings;
import static dev.switchman.observed.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchman.settings.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds an {@link ObservedEnvironment} from the answer to {@code graphql/EnvironmentState.graphql}.
 *
 * <p>Settings are keyed by the desired-state path ({@code deploy.healthcheckTimeout}) and read as the
 * setting catalog ({@link Setting}) says: at each entry's config pointer and instance field. The
 * environment config ({@code config.services.<serviceId>}) comes first: it is what Railway applies,
 * and it alone holds the branch, multi-region replicas, limits, backup schedules, variables and a
 * DOCKERFILE builder (which the service instance's {@code Builder} enum lacks). The service
 * instance's own fields fill in what the config leaves out, such as Railway's defaults.
 * Unknown keys are ignored and unknown deployment statuses kept as written, so a Railway release
 * that adds either does not break the read.
 */
public final class RailwayEnvironmentParser {

    private RailwayEnvironmentParser() {
    }

    /**
     * @param environment the {@code data.environment} object, or the whole response document
     * @throws IllegalArgumentException when the JSON holds no environment (for example an error answer)
     */
    public static ObservedEnvironment parse(JsonNode environment) {
        JsonNode env = environment.has("data") ? environment.path("data").path("environment") : environment;
        if (absent(env) || !env.isObject()) {
            throw new IllegalArgumentException("the response holds no environment");
        }
        JsonNode config = env.path("config");
        Map<String, ObservedVolume> volumesByService = volumes(env.path("volumeInstances"), config);
        Map<String, ObservedService> services = new LinkedHashMap<>();
        for (JsonNode edge : env.path("serviceInstances").path("edges")) {
            JsonNode node = edge.path("node");
            String serviceId = text(node.path("serviceId"));
            JsonNode serviceConfig = config.path("services").path(serviceId == null ? "" : serviceId);
            ObservedService service = new ObservedService(serviceId, text(node.path("serviceName")),
                    ObservedSettings.of(node, serviceConfig), variables(serviceConfig.path("variables")),
                    volumesByService.get(serviceId), deployment(node.path("latestDeployment")),
                    active(node.path("activeDeployments")), domain(serviceConfig));
            services.put(service.name(), service);
        }
        Integer unmerged = integer(env.path("unmergedChangesCount"));
        return new ObservedEnvironment(text(env.path("id")), text(env.path("name")), text(env.path("projectId")),
                text(env.path("configEtag")), unmerged == null ? 0 : unmerged, services,
                variables(config.path("sharedVariables")));
    }

    /** {@code <NAME>: {value, isSealed}}; a null entry is a variable staged for deletion and skipped. */
    private static Map<String, ObservedVariable> variables(JsonNode variables) {
        Map<String, ObservedVariable> result = new LinkedHashMap<>();
        variables.properties().forEach(entry -> {
            JsonNode variable = entry.getValue();
            if (absent(variable)) {
                return;
            }
            boolean sealed = bool(variable.path("isSealed"));
            result.put(entry.getKey(), new ObservedVariable(sealed ? null : text(variable.path("value")), sealed));
        });
        return result;
    }

    private static Map<String, ObservedVolume> volumes(JsonNode volumeInstances, JsonNode config) {
        Map<String, ObservedVolume> byService = new LinkedHashMap<>();
        for (JsonNode edge : volumeInstances.path("edges")) {
            JsonNode node = edge.path("node");
            String serviceId = text(node.path("serviceId"));
            String volumeId = text(node.path("volumeId"));
            if (serviceId == null || volumeId == null) {
                continue; // a detached volume belongs to no service
            }
            JsonNode mount = config.path("services").path(serviceId).path("volumeMounts").path(volumeId);
            var schedules = new TreeSet<String>();
            mount.path("backupSchedules").forEach(kind -> schedules.add(kind.asText()));
            String mountPath = text(node.path("mountPath"));
            byService.put(serviceId, new ObservedVolume(volumeId, text(node.path("id")),
                    mountPath != null ? mountPath : text(mount.path("mountPath")),
                    integer(node.path("sizeMB")), text(node.path("state")), schedules));
        }
        return byService;
    }

    /** Newest first; Railway does not promise an order. */
    private static List<ObservedDeployment> active(JsonNode deployments) {
        List<ObservedDeployment> active = new ArrayList<>();
        deployments.forEach(node -> {
            ObservedDeployment deployment = deployment(node);
            if (deployment != null && deployment.id() != null) {
                active.add(deployment);
            }
        });
        active.sort(Comparator.comparing(ObservedDeployment::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return active;
    }

    private static String domain(JsonNode serviceConfig) {
        Iterator<String> names = serviceConfig.path("networking").path("serviceDomains").fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    private static ObservedDeployment deployment(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        Object meta = plain(node.path("meta"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metaMap = meta instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new ObservedDeployment(text(node.path("id")), text(node.path("status")),
                instant(node.path("createdAt")), instant(node.path("statusUpdatedAt")),
                bool(node.path("canRollback")), bool(node.path("canRedeploy")),
                bool(node.path("deploymentStopped")), metaMap);
    }

    /** The environment config first, the service instance's fields where the config says nothing. */
    private static final class ObservedSettings {

        private final Map<String, Object> settings = new LinkedHashMap<>();

        /** Every catalog entry but the volume's (read with the volume), by its instance field and config pointer. */
        static Map<String, Object> of(JsonNode instance, JsonNode config) {
            ObservedSettings s = new ObservedSettings();
            for (Setting setting : Setting.values()) {
                if (setting.isVolume()) {
                    continue;
                }
                JsonNode field = setting.instanceField().map(f -> instance.at("/" + f.replace('.', '/')))
                        .orElse(MissingNode.getInstance());
                JsonNode configured = setting.configPointer() == null ? MissingNode.getInstance()
                        : config.at(setting.configPointer());
                s.put(setting.path(), value(setting, field, 1), value(setting, configured, setting.configScale()));
            }
            // not a setting Switchman declares: a commit it pinned to hold a rolled-back service
            s.put("source.commitSha", null, text(config.at("/source/commitSha")));
            return s.settings;
        }

        /** {@code node} as the binder would read the YAML; a config number is divided by {@code scale}. */
        private static Object value(Setting setting, JsonNode node, double scale) {
            return switch (setting.type().form()) {
                case TEXT -> text(node);
                case WHOLE, FLAG -> plain(node);
                case DECIMAL -> scale == 1 ? plain(node) : node.isNumber() ? node.doubleValue() / scale : null;
                case LIST, SET -> strings(node);
                case REPLICAS_BY_REGION -> multiRegion(node);
            };
        }

        private static Map<String, Integer> multiRegion(JsonNode regions) {
            if (!regions.isObject()) {
                return null;
            }
            Map<String, Integer> replicas = new LinkedHashMap<>();
            regions.properties().forEach(e -> {
                Integer count = integer(e.getValue().path("numReplicas"));
                if (count != null) {
                    replicas.put(e.getKey(), count);
                }
            });
            return replicas;
        }

        private void put(String path, Object fromInstance, Object fromConfig) {
            Object value = fromConfig != null ? fromConfig : fromInstance;
            if (value != null) {
                settings.put(path, value);
            }
        }
    }
}
