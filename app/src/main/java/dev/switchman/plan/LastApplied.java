package dev.switchman.plan;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.VariableValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Switchman applied to one environment last time: the memory that lets it prune only what it
 * created, notice a secret changed when Railway hides the value, reset a setting it stopped
 * managing, tell drift (Railway moved away from what was applied) from a change of the desired state,
 * and remember deployments it still owes. Holds fingerprints, never values.
 *
 * @param revision the environment fingerprint last applied (or found in sync), or null
 * @param inventory names of the services Switchman created
 * @param variableFingerprints per scope, variable name -> SHA-256 hex of the value applied
 * @param settingFingerprints per service, each setting path the desired state declared -> SHA-256 hex of the
 *     value applied ({@code ""} when not known: a record written before values were fingerprinted)
 * @param undeployed services whose settings or variables Switchman changed in a way that takes a new
 *     deployment, and whose deployment has not been started yet: recorded before writing, so that a lost
 *     answer or an interrupted run still deploys them on the next run
 */
public record LastApplied(
        String revision,
        Set<String> inventory,
        Map<VariableScope, Map<String, String>> variableFingerprints,
        Map<String, Map<String, String>> settingFingerprints,
        Set<String> undeployed) {

    public LastApplied {
        inventory = Collections.unmodifiableSet(new TreeSet<>(inventory));
        Map<VariableScope, Map<String, String>> fingerprints = new LinkedHashMap<>();
        variableFingerprints.forEach((scope, byName) ->
                fingerprints.put(scope, Collections.unmodifiableMap(new TreeMap<>(byName))));
        variableFingerprints = Collections.unmodifiableMap(fingerprints);
        Map<String, Map<String, String>> settings = new TreeMap<>();
        settingFingerprints.forEach((service, paths) ->
                settings.put(service, Collections.unmodifiableMap(new TreeMap<>(paths))));
        settingFingerprints = Collections.unmodifiableMap(settings);
        undeployed = Collections.unmodifiableSet(new TreeSet<>(undeployed));
    }

    /** With the setting paths only (values not known), nothing owed. */
    public LastApplied(String revision, Set<String> inventory,
            Map<VariableScope, Map<String, String>> variableFingerprints, Map<String, Set<String>> managedSettings) {
        this(revision, inventory, variableFingerprints, unknownValues(managedSettings), Set.of());
    }

    /** Nothing applied yet: nothing may be pruned, nothing is reset. */
    public static LastApplied empty() {
        return new LastApplied(null, Set.of(), Map.of(), Map.of(), Set.of());
    }

    /** Per service, the setting paths the desired state declared when it was last applied. */
    public Map<String, Set<String>> managedSettings() {
        Map<String, Set<String>> paths = new TreeMap<>();
        settingFingerprints.forEach((service, values) -> paths.put(service, values.keySet()));
        return paths;
    }

    public Set<String> managedSettings(String service) {
        return settingFingerprints.getOrDefault(service, Map.of()).keySet();
    }

    /** The fingerprint of the value applied to {@code service}'s {@code path}: empty when not applied or unknown. */
    public Optional<String> settingFingerprint(String service, String path) {
        return Optional.ofNullable(settingFingerprints.getOrDefault(service, Map.of()).get(path))
                .filter(hash -> !hash.isEmpty());
    }

    /** The same record, now owing a deployment to {@code services} as well. */
    public LastApplied owing(Collection<String> services) {
        Set<String> owed = new TreeSet<>(undeployed);
        owed.addAll(services);
        return new LastApplied(revision, inventory, variableFingerprints, settingFingerprints, owed);
    }

    /** The same record, the deployments of {@code services} started. */
    public LastApplied deployed(Collection<String> services) {
        Set<String> owed = new TreeSet<>(undeployed);
        owed.removeAll(services);
        return new LastApplied(revision, inventory, variableFingerprints, settingFingerprints, owed);
    }

    /** The fingerprint a setting's value is remembered by. */
    public static String settingFingerprint(Object value) {
        return Fingerprint.sha256(ValueText.render(value));
    }

    private static Map<String, Map<String, String>> unknownValues(Map<String, Set<String>> managedSettings) {
        Map<String, Map<String, String>> settings = new TreeMap<>();
        managedSettings.forEach((service, paths) -> {
            Map<String, String> unknown = new TreeMap<>();
            paths.forEach(path -> unknown.put(path, ""));
            settings.put(service, unknown);
        });
        return settings;
    }

    public Map<String, String> fingerprints(VariableScope scope) {
        return variableFingerprints.getOrDefault(scope, Map.of());
    }


    /**
     * The record to keep once {@code plan} was applied: created services join the inventory and
     * deleted ones leave it; every declared variable is fingerprinted; variables no longer
     * declared but left in place (prune off) stay remembered so they can be pruned later.
     */
    public LastApplied afterApplying(Plan plan, DesiredEnvironment desired, Secrets secrets) {
        Set<String> nextInventory = new TreeSet<>(inventory);
        Set<String> deletedServices = new TreeSet<>();
        Set<String> deletedVariables = new TreeSet<>();
        for (Change change : plan.changes()) {
            switch (change) {
                case Change.ServiceCreate create -> nextInventory.add(create.service());
                case Change.ServiceDelete delete -> {
                    nextInventory.remove(delete.service());
                    deletedServices.add(delete.service());
                }
                case Change.VariableDelete delete -> deletedVariables.add(delete.address());
                default -> { }
            }
        }
        Map<VariableScope, Map<String, String>> fingerprints = new LinkedHashMap<>();
        variableFingerprints.forEach((scope, byName) -> {
            if (!scope.isShared() && deletedServices.contains(scope.service())) {
                return;
            }
            byName.forEach((name, fingerprint) -> {
                if (!deletedVariables.contains(scope.address(name))) {
                    fingerprints.computeIfAbsent(scope, s -> new TreeMap<>()).put(name, fingerprint);
                }
            });
        });
        remember(fingerprints, VariableScope.SHARED, desired.sharedVariables(), secrets);
        desired.services().forEach((name, spec) ->
                remember(fingerprints, VariableScope.service(name), spec.variables(), secrets));
        Map<String, Map<String, String>> settings = new TreeMap<>();
        desired.services().forEach((name, spec) -> {
            Map<String, String> values = new TreeMap<>();
            spec.settings().byPath().forEach((path, value) -> values.put(path, settingFingerprint(value)));
            settings.put(name, values);
        });
        return new LastApplied(plan.revision(), nextInventory, fingerprints, settings, undeployed);
    }

    private static void remember(Map<VariableScope, Map<String, String>> fingerprints, VariableScope scope,
            Map<String, VariableValue> declared, Secrets secrets) {
        declared.forEach((name, value) -> Resolution.of(value, secrets).ifPresent(resolved ->
                fingerprints.computeIfAbsent(scope, s -> new TreeMap<>()).put(name, Fingerprint.sha256(resolved))));
    }
}
