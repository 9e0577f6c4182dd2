package dev.switchman.plan;

import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVariable;
import dev.switchman.observed.ObservedVolume;
import dev.switchman.settings.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies a plan to an observed environment in memory, as Railway would: for the convergence
 * property (plan, apply, plan again: nothing left). A variable Railway keeps sealed stays sealed.
 */
final class SimulatedApply {

    private final Map<String, ObservedService> services;
    private final Map<String, ObservedVariable> shared;

    private SimulatedApply(ObservedEnvironment environment) {
        services = new LinkedHashMap<>(environment.services());
        shared = new LinkedHashMap<>(environment.sharedVariables());
    }

    static ObservedEnvironment apply(Plan plan, ObservedEnvironment environment) {
        SimulatedApply apply = new SimulatedApply(environment);
        plan.changes().forEach(apply::apply);
        return new ObservedEnvironment(environment.id(), environment.name(), environment.projectId(),
                environment.configEtag() + "+1", environment.unmergedChangesCount(), apply.services, apply.shared);
    }

    private void apply(Change change) {
        switch (change) {
            case Change.ServiceCreate create -> {
                Map<String, ObservedVariable> variables = new LinkedHashMap<>();
                create.variables().forEach((name, value) -> variables.put(name, ObservedVariable.of(written(value))));
                services.put(create.service(), new ObservedService("id-" + create.service(), create.service(),
                        create.settings(), variables, null, null));
            }
            case Change.ServiceDelete delete -> services.remove(delete.service());
            case Change.SettingUpdate update when update.setting() == Setting.VOLUME_MOUNT_PATH ->
                    service(update.service(), s -> withVolume(s, new ObservedVolume(s.volume().volumeId(),
                            s.volume().volumeInstanceId(), (String) update.after(), s.volume().sizeMB(),
                            s.volume().state(), s.volume().backupSchedules())));
            case Change.SettingUpdate update -> service(update.service(), s -> {
                Map<String, Object> settings = new LinkedHashMap<>(s.settings());
                if (update.after() == null) {
                    settings.remove(update.path());
                } else {
                    settings.put(update.path(), update.after());
                }
                return new ObservedService(s.serviceId(), s.name(), settings, s.variables(), s.volume(),
                        s.latestDeployment());
            });
            case Change.VariableSet set -> variables(set.scope(), variables -> {
                ObservedVariable current = variables.get(set.name());
                boolean sealed = current != null && current.sealed();
                variables.put(set.name(), new ObservedVariable(sealed ? null : written(set.after()), sealed));
            });
            case Change.VariableDelete delete -> variables(delete.scope(), variables -> variables.remove(delete.name()));
            case Change.VolumeCreate volume -> service(volume.service(), s -> withVolume(s, new ObservedVolume(
                    "vol-" + s.name(), "vi-" + s.name(), volume.mountPath(), 5000, "READY",
                    Set.copyOf(volume.backupSchedules()))));
            case Change.VolumeBackupSchedulesUpdate schedules -> service(schedules.service(), s -> withVolume(s,
                    new ObservedVolume(s.volume().volumeId(), s.volume().volumeInstanceId(), s.volume().mountPath(),
                            s.volume().sizeMB(), s.volume().state(), Set.copyOf(schedules.after()))));
        }
    }

    private static String written(PlannedValue value) {
        return switch (value) {
            case PlannedValue.Plain plain -> plain.value();
            case PlannedValue.Secret secret -> secret.reveal().orElseThrow();
        };
    }

    private void service(String name, java.util.function.UnaryOperator<ObservedService> update) {
        services.put(name, update.apply(services.get(name)));
    }

    private void variables(VariableScope scope, java.util.function.Consumer<Map<String, ObservedVariable>> update) {
        if (scope.isShared()) {
            update.accept(shared);
            return;
        }
        service(scope.service(), s -> {
            Map<String, ObservedVariable> variables = new LinkedHashMap<>(s.variables());
            update.accept(variables);
            return new ObservedService(s.serviceId(), s.name(), s.settings(), variables, s.volume(),
                    s.latestDeployment());
        });
    }

    private static ObservedService withVolume(ObservedService s, ObservedVolume volume) {
        return new ObservedService(s.serviceId(), s.name(), s.settings(), s.variables(), volume, s.latestDeployment());
    }
}
