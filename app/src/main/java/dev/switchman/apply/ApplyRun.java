package dev.switchman.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.plan.Change;
import dev.switchman.plan.Plan;
import dev.switchman.plan.VariableScope;
import dev.switchman.railway.LimitsUpdate;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.railway.ServiceInstanceUpdate;
import dev.switchman.railway.VariablesUpsert;
import dev.switchman.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The writes of one plan against the state read right before them. Creates first (a service the project already
 * has is only added to this environment), then every setting and variable of every service in one config patch,
 * staged and committed without deploying ({@link ConfigPatch}); volumes, deletes, and finally one deploy per
 * service in the plan's order. So a change costs the read before writing, two writes and one deploy per service
 * deployed.
 *
 * <p>When someone else's edits wait staged in the environment, a commit would publish them: settings and
 * variables then go out field by field as before (the executor refuses what only a patch can say). The first
 * Railway failure stops the run: what follows might depend on it, and the next run re-reads anyway.
 */
final class ApplyRun {

    private final RailwayApi railway;
    private final ObservedEnvironment fresh;
    private final Plan plan;
    private final WriteGroups groups;
    private final UnknownOutcomes unknown;
    private final ServiceInventory inventory;
    private final boolean batched;
    private final Map<String, String> serviceIds = new LinkedHashMap<>();
    private final ConfigPatch patch = new ConfigPatch();
    private final List<String> patched = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    final Map<String, String> created = new LinkedHashMap<>();
    final Map<String, String> deployments = new LinkedHashMap<>();
    final List<ApplyReport.Failure> failures = new ArrayList<>();

    ApplyRun(RailwayApi railway, ObservedEnvironment fresh, Plan plan, ServiceInventory inventory,
            WriteRecovery recovery, ProjectLocks locks) {
        this.railway = railway;
        this.fresh = fresh;
        this.plan = plan;
        this.groups = WriteGroups.of(plan);
        this.unknown = new UnknownOutcomes(railway, fresh, recovery, locks);
        this.inventory = inventory;
        this.batched = fresh.unmergedChangesCount() == 0;
        fresh.services().forEach((name, service) -> serviceIds.put(name, service.serviceId()));
    }

    WriteGroups groups() {
        return groups;
    }

    void run() {
        try {
            groups.creates.forEach(this::create);
            if (!failures.isEmpty()) {
                return;
            }
            groups.settings.forEach(this::settings);
            groups.variables.forEach(this::variables);
            groups.variableDeletes.forEach((scope, names) -> names.forEach(name -> {
                patch.variable(scope, serviceIds.get(scope.service()), name, null);
                patched.add(scope.address(name));
            }));
            commitPatch();
            groups.volumeCreates.forEach(this::createVolume);
            groups.mountPaths.forEach(this::moveVolume);
            groups.backupSchedules.forEach(this::backupSchedules);
            for (Change.ServiceDelete delete : groups.deletes) {
                railway.deleteService(delete.serviceId(), fresh.id());
                inventory.deleted(delete.service());
                applied.add(delete.address());
            }
            if (failures.isEmpty()) {
                plan.redeploys().forEach(this::deploy);
            }
        } catch (RailwayException failure) {
            failures.add(ApplyReport.Failure.of("environment", failure));
        }
    }

    private void create(Change.ServiceCreate create) {
        inventory.intend(create.service());
        UnknownOutcomes.ProjectService service = unknown.service(fresh.projectId(), fresh.id(), create.service());
        if (service.existed() && !batched) {
            failures.add(new ApplyReport.Failure(create.address(), ApplyReport.FailureKind.STAGED_CHANGES_PENDING,
                    create.service() + " exists in the project but not in this environment; adding it takes a"
                            + " staged patch, and someone else's staged changes wait in the environment"));
            return;
        }
        if (service.existed()) {
            patch.addToEnvironment(service.id());
        }
        inventory.created(create.service(), service.id());
        serviceIds.put(create.service(), service.id());
        created.put(create.service(), service.id());
        applied.add(create.address());
    }

    private void settings(String service, Map<String, Object> values) {
        String serviceId = serviceIds.get(service);
        Map<String, Object> byMutation = batched ? patch.settings(serviceId, values) : values;
        values.keySet().stream().filter(path -> !byMutation.containsKey(path))
                .forEach(path -> patched.add("service." + service + "." + path));
        if (!byMutation.isEmpty()) {
            mutate(service, serviceId, byMutation);
        }
    }

    /** Settings a patch cannot carry (a region), or all of them while others' edits are staged. */
    private void mutate(String service, String serviceId, Map<String, Object> values) {
        SettingWrites writes = SettingWrites.of(values);
        writes.unsupported().forEach(path -> failures.add(new ApplyReport.Failure("service." + service + "." + path,
                ApplyReport.FailureKind.UNSUPPORTED, "Switchman cannot change " + path + " through Railway's API yet")));
        if (writes.hasInput()) {
            railway.updateServiceInstance(new ServiceInstanceUpdate(serviceId, fresh.id(), writes.input()));
        }
        if (!writes.limits().isEmpty()) {
            railway.updateLimits(new LimitsUpdate(serviceId, fresh.id(), writes.limits()));
        }
        if (!writes.patch().isEmpty()) {
            // the executor made sure nobody else's edits are staged before letting these through
            ObjectNode services = patch.json().has("services") ? (ObjectNode) patch.json().get("services")
                    : patch.json().putObject("services");
            (services.has(serviceId) ? (ObjectNode) services.get(serviceId) : services.putObject(serviceId))
                    .setAll(writes.patch());
        }
        values.keySet().stream().filter(path -> !writes.unsupported().contains(path))
                .forEach(path -> applied.add("service." + service + "." + path));
    }

    private void variables(VariableScope scope, Map<String, String> values) {
        String serviceId = scope.isShared() ? null : serviceIds.get(scope.service());
        if (batched) {
            values.forEach((name, value) -> {
                patch.variable(scope, serviceId, name, value);
                patched.add(scope.address(name));
            });
            return;
        }
        railway.upsertVariables(new VariablesUpsert(fresh.projectId(), fresh.id(), serviceId, values, false, true));
        values.keySet().forEach(name -> applied.add(scope.address(name)));
    }

    /**
     * Stages the patch and commits it with skipDeploys: Railway commits the whole staged patch, and the executor
     * checked before writing that nobody else's edits are staged.
     */
    private void commitPatch() {
        if (patch.isEmpty()) {
            return;
        }
        railway.stageChanges(fresh.id(), patch.json(), true);
        unknown.commit("switchman: " + plan.qualifiedEnvironment() + (plan.revision() == null ? ""
                : " at " + plan.revision()));
        applied.addAll(patched);
    }

    /** After the service exists and before it deploys; its backup schedules need the new instance's id. */
    private void createVolume(Change.VolumeCreate volume) {
        String instanceId = unknown.createVolume(volume.service(), serviceIds.get(volume.service()), volume.mountPath());
        applied.add(volume.address());
        // Without an instance id yet, the next run finds the volume and plans its schedules.
        if (!volume.backupSchedules().isEmpty() && instanceId != null) {
            railway.updateBackupSchedule(instanceId, new TreeSet<>(volume.backupSchedules()));
        }
    }

    private void moveVolume(String service, String mountPath) {
        railway.updateVolumeMountPath(fresh.services().get(service).volume().volumeId(), fresh.id(), mountPath);
        applied.add("service." + service + "." + Setting.VOLUME_MOUNT_PATH.path());
    }

    private void backupSchedules(String service, Set<String> kinds) {
        ObservedService current = fresh.services().get(service);
        railway.updateBackupSchedule(current.volume().volumeInstanceId(), kinds);
        applied.add("service." + service + ".volume.backupSchedules");
    }

    private void deploy(String service) {
        String serviceId = serviceIds.get(service);
        if (serviceId == null) {
            return;
        }
        deployments.put(service, unknown.deploy(service, serviceId, fresh.id()));
    }
}
