package dev.switchman.plan;

import dev.switchman.desired.ServiceSpec;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVolume;
import dev.switchman.settings.Setting;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one service's settings and volume. A setting is compared when the desired state
 * declares it, or when Switchman managed it last time: then it goes back to Railway's default.
 */
final class ServiceDiff {

    private final String service;
    private final Map<String, Object> wanted;
    private final ObservedService current;
    private final Set<String> managedLastTime;
    private final List<Change> changes;
    private final List<PlanNote> notes;

    /** @param current the service on Railway, or null when it is about to be created */
    ServiceDiff(ServiceSpec spec, ObservedService current, Set<String> managedLastTime, List<Change> changes,
            List<PlanNote> notes) {
        this.service = spec.name();
        this.wanted = spec.settings().byPath();
        this.current = current;
        this.managedLastTime = managedLastTime;
        this.changes = changes;
        this.notes = notes;
    }

    void settings() {
        for (Setting setting : Setting.values()) {
            if (setting.isVolume()) {
                continue;
            }
            Object target = target(setting);
            Object before = current.settings().get(setting.path());
            if (target != Unmanaged.VALUE && !setting.same(before, target)) {
                changes.add(new Change.SettingUpdate(service, setting, before, target));
            }
        }
    }

    void volume() {
        ObservedVolume volume = current == null ? null : current.volume();
        Object mountPath = wanted.get(Setting.VOLUME_MOUNT_PATH.path());
        Object schedules = target(Setting.VOLUME_BACKUP_SCHEDULES);
        if (volume == null) {
            if (mountPath != null) {
                changes.add(new Change.VolumeCreate(service, mountPath.toString(),
                        schedules instanceof Collection<?> kinds ? strings(kinds) : List.of()));
            } else if (schedules instanceof Collection<?> kinds && !kinds.isEmpty()) {
                notes.add(new PlanNote("service." + service + ".volume",
                        "backup schedules are declared but the service has no volume; declare volume.mountPath"));
            }
            return;
        }
        // A mount path Switchman no longer declares stays: a volume always has one.
        if (mountPath != null && !Setting.VOLUME_MOUNT_PATH.same(volume.mountPath(), mountPath)) {
            changes.add(new Change.SettingUpdate(service, Setting.VOLUME_MOUNT_PATH, volume.mountPath(), mountPath));
        }
        if (schedules != Unmanaged.VALUE && !Setting.VOLUME_BACKUP_SCHEDULES.same(volume.backupSchedules(), schedules)) {
            changes.add(new Change.VolumeBackupSchedulesUpdate(service,
                    volume.backupSchedules().stream().sorted().toList(), strings((Collection<?>) schedules)));
        }
    }

    /** The declared value, Railway's default for a setting managed last time, or {@link Unmanaged#VALUE}. */
    private Object target(Setting setting) {
        Object value = wanted.get(setting.path());
        if (value != null) {
            return value;
        }
        if (!managedLastTime.contains(setting.path())) {
            return Unmanaged.VALUE;
        }
        return setting == Setting.VOLUME_BACKUP_SCHEDULES ? List.of() : setting.railwayDefault();
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }

    /** Marks a setting Switchman leaves to whoever else sets it. */
    private enum Unmanaged { VALUE }
}
