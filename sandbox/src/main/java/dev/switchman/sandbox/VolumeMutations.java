package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Volumes, volume instances, backup schedules, and backups/restores as asynchronous workflows. */
final class VolumeMutations {

    private final SandboxEngine engine;
    private final SandboxState state;

    VolumeMutations(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("volumeCreate", this::volumeCreate)
                .dataFetcher("volumeInstanceUpdate", this::volumeInstanceUpdate)
                .dataFetcher("volumeInstanceBackupScheduleUpdate", env -> {
                    VolumeViews.Instance i = instance(env);
                    List<String> kinds = env.getArgument("kinds");
                    if (i.serviceId() == null) {
                        throw SandboxException.badInput("Volume instance is not attached to a service");
                    }
                    state.changeConfig(i.environment(), c -> i.mount().put("backupSchedules", List.copyOf(kinds)));
                    return true;
                })
                .dataFetcher("volumeInstanceBackupCreate", env -> {
                    VolumeViews.Instance i = instance(env);
                    String name = env.getArgument("name");
                    return workflow(() -> createBackup(i, name));
                })
                .dataFetcher("volumeInstanceBackupRestore", this::restore));
    }

    private VolumeViews.Instance instance(DataFetchingEnvironment env) {
        SandboxEngine.caller(env).requireAny();
        VolumeViews.Instance i = engine.volumes().instance(env.getArgument("volumeInstanceId"));
        SandboxEngine.caller(env).requireEnvironment(state, i.environment());
        return i;
    }

    /** environmentId omitted = every environment, explicit null = none, a value = that one. */
    private Object volumeCreate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        ProjectEntity project = engine.project(env, (String) input.get("projectId"));
        String serviceId = (String) input.get("serviceId");
        String base = serviceId == null ? "volume" : state.service(serviceId).name + "-volume";
        String name = project.volumeIds.stream().anyMatch(v -> state.volumes.get(v).name.equals(base)) ? base + "-" + (project.volumeIds.size() + 1) : base;
        List<EnvironmentEntity> targets = !input.containsKey("environmentId") ? state.environmentsOf(project.id, false)
                : input.get("environmentId") == null ? List.of()
                : List.of(engine.environment(env, (String) input.get("environmentId")));
        VolumeEntity volume = create(project, name, targets, serviceId, (String) input.get("mountPath"), (String) input.get("region"));
        return engine.views().volume(volume);
    }

    VolumeEntity create(ProjectEntity project, String name, List<EnvironmentEntity> targets, String serviceId, String mountPath, String region) {
        VolumeEntity volume = new VolumeEntity(state.ids.named("volume", project.name + "/" + name), project.id, name, state.now());
        state.volumes.put(volume.id, volume);
        project.volumeIds.add(volume.id);
        for (EnvironmentEntity e : targets) {
            state.changeConfig(e, c -> {
                Map<String, Object> settings = JsonTree.path(c, true, "volumes", volume.id);
                settings.put("sizeMB", 5000);
                if (region != null) {
                    settings.put("region", region);
                }
                if (serviceId != null && e.serviceConfig(serviceId) != null) {
                    JsonTree.path(e.serviceConfig(serviceId), true, "volumeMounts", volume.id).put("mountPath", mountPath);
                } else {
                    volume.detachedMountPath.put(e.id, mountPath);
                }
            });
        }
        return volume;
    }

    private Object volumeInstanceUpdate(DataFetchingEnvironment env) {
        VolumeEntity volume = state.volume(env.getArgument("volumeId"));
        Map<String, Object> input = env.getArgument("input");
        ProjectEntity project = engine.project(env, volume.projectId);
        List<EnvironmentEntity> targets = env.getArgument("environmentId") != null
                ? List.of(engine.environment(env, env.getArgument("environmentId")))
                : state.environmentsOf(project.id, false);
        for (EnvironmentEntity e : targets) {
            if (JsonTree.path(e.config, false, "volumes", volume.id) == null) {
                continue;
            }
            state.changeConfig(e, c -> {
                String current = VolumeViews.mountingService(e, volume.id);
                Map<String, Object> mount = current == null ? new LinkedHashMap<>(Map.of("mountPath",
                        volume.detachedMountPath.getOrDefault(e.id, "/data"))) : JsonTree.copyMap(JsonTree.path(e.services(), false, current, "volumeMounts", volume.id));
                if (input.get("mountPath") != null) {
                    mount.put("mountPath", input.get("mountPath"));
                }
                String target = input.containsKey("serviceId") ? (String) input.get("serviceId") : current;
                if (current != null) {
                    JsonTree.path(e.services(), false, current, "volumeMounts").remove(volume.id);
                }
                if (target != null) {
                    JsonTree.path(state.serviceConfig(e, target), true, "volumeMounts").put(volume.id, mount);
                } else {
                    volume.detachedMountPath.put(e.id, (String) mount.get("mountPath"));
                }
            });
        }
        return true;
    }

    private Map<String, Object> workflow(Runnable onComplete) {
        String id = state.ids.next("workflow");
        state.workflows.put(id, new WorkflowEntity(id, state.now().plusMillis(1), state.now().plus(state.timings.workflow()), onComplete, null));
        return Map.of("workflowId", id);
    }

    private void createBackup(VolumeViews.Instance i, String name) {
        String id = state.ids.next("backup");
        Map<String, Object> view = engine.volumes().view(i);
        state.backups.put(id, new BackupEntity(id, i.id(), name, state.now(), null, null,
                (int) Math.ceil((Double) view.get("currentSizeMB")), (Integer) view.get("sizeMB")));
    }

    /** Copies the backup into a new volume and only stages the swap; committing the staged patch finishes it. */
    private Object restore(DataFetchingEnvironment env) {
        VolumeViews.Instance i = instance(env);
        BackupEntity backup = state.backups.get((String) env.getArgument("volumeInstanceBackupId"));
        if (backup == null || !backup.volumeInstanceId().equals(i.id())) {
            throw SandboxException.notFound("Backup");
        }
        return workflow(() -> {
            ProjectEntity project = state.project(i.volume().projectId);
            VolumeEntity copy = create(project, i.volume().name + "-restored-" + backup.id().substring(0, 8), List.of(), null, null, null);
            Map<String, Object> mountPath = new LinkedHashMap<>(Map.of("mountPath", engine.volumes().view(i).get("mountPath")));
            Map<String, Object> staged = new LinkedHashMap<>();
            JsonTree.path(staged, true, "volumes", copy.id).putAll(Map.of("isCreated", true, "sizeMB", backup.volumeSizeMB()));
            if (i.serviceId() != null) {
                Map<String, Object> mounts = JsonTree.path(staged, true, "services", i.serviceId(), "volumeMounts");
                mounts.put(copy.id, mountPath);
                mounts.put(i.volume().id, null);
            }
            JsonTree.mergeKeepingNulls(i.environment().staged, staged);
            if (i.environment().stagedPatchId == null) {
                i.environment().stagedPatchId = state.ids.next("patch");
            }
            state.backups.values().removeIf(b -> b.volumeInstanceId().equals(i.id()) && b.createdAt().isAfter(backup.createdAt()));
        });
    }
}
