package dev.switchman.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.plan.VariableScope;
import dev.switchman.settings.Setting;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * One environment config patch ({@code EnvironmentConfig}, reference §3.6) holding every setting and variable a
 * run writes, staged and committed once without deploying: two writes for the whole environment instead of a
 * few per service. A null value unsets a setting or deletes a variable; {@code isCreated} adds a project's
 * service to this environment. What the patch cannot say (a region, a volume) is left to the caller.
 */
final class ConfigPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double BYTES_PER_GB = 1_000_000_000d;

    private final ObjectNode patch = NODES.objectNode();

    boolean isEmpty() {
        return patch.isEmpty();
    }

    ObjectNode json() {
        return patch;
    }

    /** The service exists in the project but not yet in this environment. */
    void addToEnvironment(String serviceId) {
        service(serviceId).put("isCreated", true);
    }

    /**
     * Puts one setting into the patch; false when a patch cannot express it (the caller writes it with a
     * mutation).
     */
    boolean setting(String serviceId, Setting setting, Object value) {
        ObjectNode service = service(serviceId);
        JsonNode json = SettingWrites.json(value);
        switch (setting) {
            case SOURCE_IMAGE -> object(service, "source").set("image", json);
            case SOURCE_REPO -> object(service, "source").set("repo", json);
            case SOURCE_BRANCH -> object(service, "source").set("branch", json);
            case SOURCE_ROOT_DIRECTORY -> object(service, "source").set("rootDirectory", json);
            case BUILD_BUILDER -> object(service, "build").set("builder", json);
            case BUILD_COMMAND -> object(service, "build").set("buildCommand", json);
            case BUILD_DOCKERFILE_PATH -> object(service, "build").set("dockerfilePath", json);
            case BUILD_WATCH_PATTERNS -> object(service, "build").set("watchPatterns", json);
            case DEPLOY_START_COMMAND -> object(service, "deploy").set("startCommand", json);
            case DEPLOY_PRE_DEPLOY_COMMAND -> object(service, "deploy").set("preDeployCommand",
                    value instanceof Collection<?> || value == null ? json : SettingWrites.json(List.of(value)));
            case DEPLOY_HEALTHCHECK_PATH -> object(service, "deploy").set("healthcheckPath", json);
            case DEPLOY_HEALTHCHECK_TIMEOUT -> object(service, "deploy").set("healthcheckTimeout", json);
            case DEPLOY_RESTART_POLICY_TYPE -> object(service, "deploy").set("restartPolicyType", json);
            case DEPLOY_RESTART_POLICY_MAX_RETRIES -> object(service, "deploy").set("restartPolicyMaxRetries", json);
            case DEPLOY_NUM_REPLICAS -> object(service, "deploy").set("numReplicas", json);
            case DEPLOY_MULTI_REGION_CONFIG -> object(service, "deploy").set("multiRegionConfig",
                    SettingWrites.replicasByRegion(value));
            case DEPLOY_CRON_SCHEDULE -> object(service, "deploy").set("cronSchedule", json);
            case DEPLOY_SLEEP_APPLICATION -> object(service, "deploy").set("sleepApplication", json);
            case DEPLOY_OVERLAP_SECONDS -> object(service, "deploy").set("overlapSeconds", json);
            case DEPLOY_DRAINING_SECONDS -> object(service, "deploy").set("drainingSeconds", json);
            case DEPLOY_LIMITS_VCPUS -> containers(service).set("cpu", json);
            case DEPLOY_LIMITS_MEMORY_GB -> containers(service).set("memoryBytes", value == null ? json
                    : NODES.numberNode((long) (new BigDecimal(value.toString()).doubleValue() * BYTES_PER_GB)));
            case DEPLOY_REGION, VOLUME_MOUNT_PATH, VOLUME_BACKUP_SCHEDULES -> {
                return false;
            }
        }
        return true;
    }

    /** Sets a variable ({@code value} non-null) or deletes it (null). */
    void variable(VariableScope scope, String serviceId, String name, String value) {
        ObjectNode variables = scope.isShared() ? object(patch, "sharedVariables") : object(service(serviceId),
                "variables");
        if (value == null) {
            variables.putNull(name);
        } else {
            variables.putObject(name).put("value", value);
        }
    }

    private ObjectNode service(String serviceId) {
        return object(object(patch, "services"), serviceId);
    }

    private static ObjectNode containers(ObjectNode service) {
        return object(object(object(service, "deploy"), "limitOverride"), "containers");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.has(field) ? (ObjectNode) parent.get(field) : parent.putObject(field);
    }
}
