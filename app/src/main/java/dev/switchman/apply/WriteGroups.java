package dev.switchman.apply;

import dev.switchman.plan.Change;
import dev.switchman.plan.Plan;
import dev.switchman.plan.PlannedValue;
import dev.switchman.plan.VariableScope;
import dev.switchman.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan's changes grouped by the Railway call that makes them: one settings write per service
 * (created services included), one variable upsert per scope, variable deletes for one staged
 * patch, backup schedules per service, volume creates and mount-path moves, service creates and
 * deletes. Keyed by service name; ids are looked up when writing, since created services get theirs
 * only then.
 */
final class WriteGroups {

    final List<Change.ServiceCreate> creates = new ArrayList<>();
    final Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
    final Map<VariableScope, Map<String, String>> variables = new LinkedHashMap<>();
    final Map<VariableScope, Set<String>> variableDeletes = new LinkedHashMap<>();
    final Map<String, Set<String>> backupSchedules = new LinkedHashMap<>();
    final List<Change.VolumeCreate> volumeCreates = new ArrayList<>();
    final Map<String, String> mountPaths = new LinkedHashMap<>();
    final List<Change.ServiceDelete> deletes = new ArrayList<>();

    static WriteGroups of(Plan plan) {
        WriteGroups groups = new WriteGroups();
        plan.changes().forEach(groups::add);
        return groups;
    }

    private void add(Change change) {
        switch (change) {
            case Change.ServiceCreate create -> {
                creates.add(create);
                settingsOf(create.service()).putAll(create.settings());
                create.variables().forEach((name, value) ->
                        variablesOf(VariableScope.service(create.service())).put(name, reveal(value)));
            }
            case Change.SettingUpdate update when update.setting() == Setting.VOLUME_MOUNT_PATH ->
                    mountPaths.put(update.service(), String.valueOf(update.after()));
            case Change.SettingUpdate update -> settingsOf(update.service()).put(update.path(), update.after());
            case Change.VariableSet set -> variablesOf(set.scope()).put(set.name(), reveal(set.after()));
            case Change.VariableDelete delete ->
                    variableDeletes.computeIfAbsent(delete.scope(), s -> new TreeSet<>()).add(delete.name());
            case Change.VolumeBackupSchedulesUpdate schedules ->
                    backupSchedules.put(schedules.service(), new TreeSet<>(schedules.after()));
            case Change.ServiceDelete delete -> deletes.add(delete);
            case Change.VolumeCreate volume -> volumeCreates.add(volume);
        }
    }

    /** True when part of the plan can only be written as a staged config patch. */
    boolean needsStagedPatch() {
        return !variableDeletes.isEmpty()
                || settings.values().stream().anyMatch(values -> !SettingWrites.of(values).patch().isEmpty());
    }

    private Map<String, Object> settingsOf(String service) {
        return settings.computeIfAbsent(service, s -> new LinkedHashMap<>());
    }

    private Map<String, String> variablesOf(VariableScope scope) {
        return variables.computeIfAbsent(scope, s -> new LinkedHashMap<>());
    }

    /** The one place a secret's value leaves the plan: on its way into a Railway write. */
    private static String reveal(PlannedValue value) {
        return switch (value) {
            case PlannedValue.Plain plain -> plain.value();
            case PlannedValue.Secret secret -> secret.reveal().orElseThrow(() ->
                    new IllegalStateException("a hidden value cannot be written: " + secret));
        };
    }
}
