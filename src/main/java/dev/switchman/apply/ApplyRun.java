package dev.switchman.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.plan.Change;
import dev.switchman.plan.Plan;
import dev.switchman.plan.Setting;
import dev.switchman.plan.VariableScope;
import dev.switchman.railway.LimitsUpdate;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.railway.ServiceInstanceUpdate;
import dev.switchman.railway.VariablesUpsert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one plan against the state read right before them: creates, then per service one
 * settings update and one limits update, one variable upsert per scope (skipDeploys), volumes
 * (created with their backup schedules, or moved), backup schedules, one staged patch for what only a patch can say (committed with skipDeploys), deletes,
 * and finally one deploy per service in the plan's order. The first Railway failure stops it:
 * what follows might depend on it, and the next run re-reads anyway.
 */
final class ApplyRun {

    private final RailwayApi railway;
    private final ObservedEnvironment fresh;
    private final Plan plan;
    private final WriteGroups groups;
    private final UnknownOutcomes unknown;
    private final ServiceInventory inventory;
    private final Map<String, String> serviceIds = new LinkedHashMap<>();
    final List<String> applied = new ArrayList<>();
    final Map<String, String> created = new LinkedHashMap<>();
    final Map<String, String> deployments = new LinkedHashMap<>();
    final List<ApplyReport.Failure> failures = new ArrayList<>();

    ApplyRun(RailwayApi railway, ObservedEnvironment fresh, Plan plan, ServiceInventory inventory) {
        this.railway = railway;
        this.fresh = fresh;
        this.plan = plan;
        this.groups = WriteGroups.of(plan);
        this.unknown = new UnknownOutcomes(railway, fresh);
        this.inventory = inventory;
        fresh.services().forEach((name, service) -> serviceIds.put(name, service.serviceId()));
    }

    WriteGroups groups() {
        return groups;
    }

    void run() {
        try {
            groups.creates.forEach(this::create);
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            groups.settings.forEach((service, values) -> settings(service, values, patch));
            groups.variables.forEach(this::variables);
            groups.volumeCreates.forEach(this::createVolume);
            groups.mountPaths.forEach(this::moveVolume);
            groups.backupSchedules.forEach(this::backupSchedules);
            groups.variableDeletes.forEach((scope, names) -> names.forEach(name ->
                    patchVariables(patch, scope).putNull(name)));
            commitPatch(patch);
            for (Change.ServiceDelete delete : groups.deletes) {
                railway.deleteService(delete.serviceId(), fresh.id());
                inventory.deleted(delete.service());
                applied.add(delete.address());
            }
            if (failures.isEmpty()) {
                plan.redeploys().forEach(this::deploy);
            }
        } catch (RailwayException failure) {
            failures.add(new ApplyReport.Failure("environment", kindOf(failure), failure.getMessage()));
        }
    }

    private void create(Change.ServiceCreate create) {
        inventory.intend(create.service());
        String id = unknown.createService(fresh.projectId(), fresh.id(), create.service());
        inventory.created(create.service(), id);
        serviceIds.put(create.service(), id);
        created.put(create.service(), id);
        applied.add(create.address());
    }

    private void settings(String service, Map<String, Object> values, ObjectNode patch) {
        SettingWrites writes = SettingWrites.of(values);
        String serviceId = serviceIds.get(service);
        writes.unsupported.forEach(path -> failures.add(new ApplyReport.Failure("service." + service + "." + path,
                ApplyReport.FailureKind.UNSUPPORTED, "Switchman cannot change " + path + " through Railway's API yet")));
        if (writes.hasInput()) {
            railway.updateServiceInstance(new ServiceInstanceUpdate(serviceId, fresh.id(), writes.input));
        }
        if (writes.limits) {
            railway.updateLimits(new LimitsUpdate(serviceId, fresh.id(), writes.vCpus, writes.memoryGb));
        }
        if (!writes.patch.isEmpty()) {
            patchService(patch, serviceId).setAll(writes.patch);
        }
        values.keySet().stream().filter(path -> !writes.unsupported.contains(path))
                .forEach(path -> applied.add("service." + service + "." + path));
    }

    private void variables(VariableScope scope, Map<String, String> values) {
        String serviceId = scope.isShared() ? null : serviceIds.get(scope.service());
        railway.upsertVariables(new VariablesUpsert(fresh.projectId(), fresh.id(), serviceId, values, false, true));
        values.keySet().forEach(name -> applied.add(scope.address(name)));
    }

    /** After the service exists and before it deploys; its backup schedules need the new instance's id. */
    private void createVolume(Change.VolumeCreate volume) {
        String instanceId = unknown.createVolume(volume.service(), serviceIds.get(volume.service()), volume.mountPath());
        applied.add(volume.address());
        // Without an instance id yet, the next run finds the volume and plans its schedules.
        if (!volume.backupSchedules().isEmpty() && instanceId != null) {
            railway.updateBackupSchedule(instanceId, new java.util.TreeSet<>(volume.backupSchedules()));
        }
    }

    private void moveVolume(String service, String mountPath) {
        railway.updateVolumeMountPath(fresh.services().get(service).volume().volumeId(), fresh.id(), mountPath);
        applied.add("service." + service + "." + Setting.VOLUME_MOUNT_PATH.path());
    }

    private void backupSchedules(String service, java.util.Set<String> kinds) {
        ObservedService current = fresh.services().get(service);
        railway.updateBackupSchedule(current.volume().volumeInstanceId(), kinds);
        applied.add("service." + service + ".volume.backupSchedules");
    }

    /**
     * Railway's variableDelete always redeploys; a staged patch committed with skipDeploys does not.
     * The executor checked before writing that nobody else's edits are staged, since the commit
     * publishes the whole staged patch.
     */
    private void commitPatch(ObjectNode patch) {
        if (patch.isEmpty()) {
            return;
        }
        railway.stageChanges(fresh.id(), patch, true);
        railway.commitStagedChanges(fresh.id(), "switchman: " + plan.qualifiedEnvironment()
                + (plan.revision() == null ? "" : " at " + plan.revision()), true);
        groups.variableDeletes.forEach((scope, names) -> names.forEach(name -> applied.add(scope.address(name))));
    }

    private void deploy(String service) {
        String serviceId = serviceIds.get(service);
        if (serviceId == null) {
            return;
        }
        deployments.put(service, unknown.deploy(service, serviceId, fresh.id()));
    }

    private ObjectNode patchService(ObjectNode patch, String serviceId) {
        ObjectNode services = patch.has("services") ? (ObjectNode) patch.get("services") : patch.putObject("services");
        return services.has(serviceId) ? (ObjectNode) services.get(serviceId) : services.putObject(serviceId);
    }

    private ObjectNode patchVariables(ObjectNode patch, VariableScope scope) {
        if (scope.isShared()) {
            return patch.has("sharedVariables") ? (ObjectNode) patch.get("sharedVariables")
                    : patch.putObject("sharedVariables");
        }
        ObjectNode service = patchService(patch, serviceIds.get(scope.service()));
        return service.has("variables") ? (ObjectNode) service.get("variables") : service.putObject("variables");
    }

    static ApplyReport.FailureKind kindOf(RailwayException failure) {
        return switch (failure) {
            case RailwayException.Transient t -> ApplyReport.FailureKind.TRANSIENT;
            case RailwayException.RateLimited r -> ApplyReport.FailureKind.RATE_LIMITED;
            case RailwayException.Conflict c -> ApplyReport.FailureKind.CONFLICT;
            case RailwayException.NotFound n -> ApplyReport.FailureKind.REJECTED;
            case RailwayException.Rejected r -> ApplyReport.FailureKind.REJECTED;
            case RailwayException.Unauthorized u -> ApplyReport.FailureKind.UNAUTHORIZED;
        };
    }
}
