package dev.switchman.plan;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.VariableValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Switchman applied to one environment last time: the memory that lets it prune only what it
 * created, notice a secret changed when Railway hides the value, and reset a setting it stopped
 * managing. Holds fingerprints, never values.
 *
 * @param revision the desired-state revision last applied, or null
 * @param inventory names of the services Switchman created
 * @param variableFingerprints per scope, variable name -> SHA-256 hex of the value applied
 * @param managedSettings per service, the setting paths the desired state declared
 */
public record LastApplied(
        String revision,
        Set<String> inventory,
        Map<VariableScope, Map<String, String>> variableFingerprints,
        Map<String, Set<String>> managedSettings) {

    public LastApplied {
        inventory = Collections.unmodifiableSet(new TreeSet<>(inventory));
        Map<VariableScope, Map<String, String>> fingerprints = new LinkedHashMap<>();
        variableFingerprints.forEach((scope, byName) ->
                fingerprints.put(scope, Collections.unmodifiableMap(new TreeMap<>(byName))));
        variableFingerprints = Collections.unmodifiableMap(fingerprints);
        Map<String, Set<String>> settings = new TreeMap<>();
        managedSettings.forEach((service, paths) ->
                settings.put(service, Collections.unmodifiableSet(new TreeSet<>(paths))));
        managedSettings = Collections.unmodifiableMap(settings);
    }

    /** Nothing applied yet: nothing may be pruned, nothing is reset. */
    public static LastApplied empty() {
        return new LastApplied(null, Set.of(), Map.of(), Map.of());
    }

    public Map<String, String> fingerprints(VariableScope scope) {
        return variableFingerprints.getOrDefault(scope, Map.of());
    }

    public Set<String> managedSettings(String service) {
        return managedSettings.getOrDefault(service, Set.of());
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
        Map<String, Set<String>> settings = new TreeMap<>();
        desired.services().forEach((name, spec) -> settings.put(name, ServiceSettings.of(spec).keySet()));
        return new LastApplied(plan.revision(), nextInventory, fingerprints, settings);
    }

    private static void remember(Map<VariableScope, Map<String, String>> fingerprints, VariableScope scope,
            Map<String, VariableValue> declared, Secrets secrets) {
        declared.forEach((name, value) -> Resolution.of(value, secrets).ifPresent(resolved ->
                fingerprints.computeIfAbsent(scope, s -> new TreeMap<>()).put(name, Fingerprint.sha256(resolved))));
    }
}
