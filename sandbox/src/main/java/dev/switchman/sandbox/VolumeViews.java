package dev.switchman.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Volume instances as seen through the environment config: {@code volumes.<id>} for size and region,
 * the mounting service's {@code volumeMounts.<id>} for mount path and backup schedules.
 */
final class VolumeViews {

    /** One volume in one environment, and the service mounting it (null when detached). */
    record Instance(String id, VolumeEntity volume, EnvironmentEntity environment, String serviceId) {

        Map<String, Object> settings() {
            return JsonTree.path(environment.config, false, "volumes", volume.id);
        }

        Map<String, Object> mount() {
            return serviceId == null ? null : JsonTree.path(environment.config, false, "services", serviceId, "volumeMounts", volume.id);
        }
    }

    private static final Map<String, Duration> RETENTION = Map.of(
            "DAILY", Duration.ofDays(6), "WEEKLY", Duration.ofDays(30), "MONTHLY", Duration.ofDays(90));
    private static final Map<String, String> CRON = Map.of(
            "DAILY", "0 0 * * *", "WEEKLY", "0 0 * * 0", "MONTHLY", "0 0 1 * *");

    private final SandboxState state;

    VolumeViews(SandboxState state) {
        this.state = state;
    }

    List<Instance> instancesOf(EnvironmentEntity env) {
        List<Instance> out = new ArrayList<>();
        for (String volumeId : state.project(env.projectId).volumeIds) {
            if (JsonTree.path(env.config, false, "volumes", volumeId) != null) {
                out.add(new Instance(instanceId(env.id, volumeId), state.volumes.get(volumeId), env, mountingService(env, volumeId)));
            }
        }
        return out;
    }

    Instance instance(String instanceId) {
        for (EnvironmentEntity env : state.environments.values()) {
            for (Instance i : instancesOf(env)) {
                if (i.id().equals(instanceId)) {
                    return i;
                }
            }
        }
        throw SandboxException.notFound("VolumeInstance");
    }

    String instanceId(String environmentId, String volumeId) {
        return state.ids.named("volumeInstance", environmentId + "/" + volumeId);
    }

    static String mountingService(EnvironmentEntity env, String volumeId) {
        for (Map.Entry<String, Object> e : env.services().entrySet()) {
            if (e.getValue() instanceof Map<?, ?> svc && svc.get("volumeMounts") instanceof Map<?, ?> mounts && mounts.containsKey(volumeId)) {
                return e.getKey();
            }
        }
        return null;
    }

    Map<String, Object> view(Instance i) {
        Map<String, Object> settings = i.settings();
        Map<String, Object> mount = i.mount();
        Map<String, Object> m = new HashMap<>();
        m.put("id", i.id());
        m.put("volumeId", i.volume().id);
        m.put("environmentId", i.environment().id);
        m.put("serviceId", i.serviceId());
        m.put("mountPath", mount != null ? mount.get("mountPath") : i.volume().detachedMountPath.getOrDefault(i.environment().id, "/data"));
        m.put("sizeMB", settings.get("sizeMB") instanceof Number n ? n.intValue() : 5000);
        m.put("currentSizeMB", settings.get("currentSizeMB") instanceof Number n ? n.doubleValue() : 0.0);
        m.put("state", "READY");
        m.put("region", settings.get("region"));
        m.put("createdAt", i.volume().createdAt);
        return m;
    }

    List<Map<String, Object>> backups(Instance i) {
        return state.backups.values().stream()
                .filter(b -> b.volumeInstanceId().equals(i.id()))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .map(b -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", b.id());
                    m.put("name", b.name());
                    m.put("createdAt", b.createdAt());
                    m.put("expiresAt", b.expiresAt());
                    m.put("externalId", "backup-" + b.id());
                    m.put("usedMB", b.usedMB());
                    m.put("referencedMB", b.usedMB());
                    m.put("scheduleId", b.scheduleId());
                    m.put("volumeInstanceSizeMB", b.volumeSizeMB());
                    m.put("creatorId", b.scheduleId() == null ? state.user.get("id") : null);
                    return m;
                })
                .toList();
    }

    @SuppressWarnings("unchecked")
    List<String> scheduleKinds(Instance i) {
        Map<String, Object> mount = i.mount();
        return mount != null && mount.get("backupSchedules") instanceof List<?> l ? (List<String>) l : List.of();
    }

    List<Map<String, Object>> schedules(Instance i) {
        return scheduleKinds(i).stream().map(kind -> Map.<String, Object>of(
                "id", state.ids.named("backupSchedule", i.id() + "/" + kind),
                "kind", kind,
                "cron", CRON.get(kind),
                "name", kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT),
                "retentionSeconds", (int) RETENTION.get(kind).toSeconds(),
                "createdAt", i.volume().createdAt)).toList();
    }
}
