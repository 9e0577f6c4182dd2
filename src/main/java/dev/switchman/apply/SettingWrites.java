package dev.switchman.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.settings.Setting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One service's setting changes sorted by the Railway call that makes them: most go into one
 * {@code serviceInstanceUpdate} input (a null value is sent as an explicit JSON null, which unsets
 * it), CPU and memory into {@code serviceInstanceLimitsUpdate}, and what that input cannot express
 * (the repository branch, the DOCKERFILE builder) into an environment config patch.
 */
final class SettingWrites {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final ObjectNode input = NODES.objectNode();
    final ObjectNode patch = NODES.objectNode();
    Double vCpus;
    Double memoryGb;
    boolean limits;
    final List<String> unsupported = new ArrayList<>();

    /** @param settings setting path -> value to set (null resets to Railway's default) */
    static SettingWrites of(Map<String, Object> settings) {
        SettingWrites writes = new SettingWrites();
        settings.forEach(writes::add);
        return writes;
    }

    boolean hasInput() {
        return !input.isEmpty();
    }

    private void add(String path, Object value) {
        Setting setting = Setting.byPath(path).orElse(null);
        if (setting == null) {
            unsupported.add(path);
            return;
        }
        switch (setting) {
            case SOURCE_IMAGE -> source().set("image", json(value));
            case SOURCE_REPO -> source().set("repo", json(value));
            case SOURCE_BRANCH -> patch.putObject("source").set("branch", json(value));
            case SOURCE_ROOT_DIRECTORY -> input.set("rootDirectory", json(value));
            case BUILD_BUILDER -> {
                // Railway's Builder enum lacks DOCKERFILE, which only the config patch accepts.
                if ("DOCKERFILE".equals(value)) {
                    patch.putObject("build").put("builder", "DOCKERFILE");
                } else {
                    input.set("builder", json(value));
                }
            }
            case BUILD_COMMAND -> input.set("buildCommand", json(value));
            case BUILD_DOCKERFILE_PATH -> input.set("dockerfilePath", json(value));
            case BUILD_WATCH_PATTERNS -> input.set("watchPatterns", json(value));
            case DEPLOY_START_COMMAND -> input.set("startCommand", json(value));
            case DEPLOY_PRE_DEPLOY_COMMAND -> input.set("preDeployCommand",
                    value instanceof Collection<?> || value == null ? json(value) : json(List.of(value)));
            case DEPLOY_HEALTHCHECK_PATH -> input.set("healthcheckPath", json(value));
            case DEPLOY_HEALTHCHECK_TIMEOUT -> input.set("healthcheckTimeout", json(value));
            case DEPLOY_RESTART_POLICY_TYPE -> input.set("restartPolicyType", json(value));
            case DEPLOY_RESTART_POLICY_MAX_RETRIES -> input.set("restartPolicyMaxRetries", json(value));
            case DEPLOY_NUM_REPLICAS -> input.set("numReplicas", json(value));
            case DEPLOY_REGION -> input.set("region", json(value));
            case DEPLOY_MULTI_REGION_CONFIG -> input.set("multiRegionConfig", replicasByRegion(value));
            case DEPLOY_CRON_SCHEDULE -> input.set("cronSchedule", json(value));
            case DEPLOY_SLEEP_APPLICATION -> input.set("sleepApplication", json(value));
            case DEPLOY_OVERLAP_SECONDS -> input.set("overlapSeconds", json(value));
            case DEPLOY_DRAINING_SECONDS -> input.set("drainingSeconds", json(value));
            case DEPLOY_LIMITS_VCPUS -> limit(path, value, true);
            case DEPLOY_LIMITS_MEMORY_GB -> limit(path, value, false);
            case VOLUME_MOUNT_PATH, VOLUME_BACKUP_SCHEDULES -> unsupported.add(path);
        }
    }

    private void limit(String path, Object value, boolean cpu) {
        if (value == null) {
            // serviceInstanceLimitsUpdate treats an absent limit as "unchanged": a reset cannot be sent.
            unsupported.add(path);
            return;
        }
        double number = new BigDecimal(value.toString()).doubleValue();
        if (cpu) {
            vCpus = number;
        } else {
            memoryGb = number;
        }
        limits = true;
    }

    private ObjectNode source() {
        return input.has("source") ? (ObjectNode) input.get("source") : input.putObject("source");
    }

    static JsonNode replicasByRegion(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        ObjectNode regions = NODES.objectNode();
        ((Map<?, ?>) value).forEach((region, count) ->
                regions.putObject(String.valueOf(region)).set("numReplicas", json(count)));
        return regions;
    }

    /** Integral numbers go out as integers: Railway's Int fields refuse 300.0. */
    static JsonNode json(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Number n -> {
                BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
                yield decimal.scale() <= 0 ? NODES.numberNode(decimal.longValueExact()) : NODES.numberNode(decimal);
            }
            case Collection<?> c -> {
                var array = NODES.arrayNode();
                c.forEach(item -> array.add(json(item)));
                yield array;
            }
            default -> NODES.textNode(value.toString());
        };
    }
}
