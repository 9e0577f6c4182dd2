package dev.switchman.plan;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.desired.VariableValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tells drift from a change of the desired state, one change at a time: a change is drift when the desired
 * value is still the one Switchman last applied (so Railway moved away from it), whatever else happened to
 * the environment or the tree. Deletes are never drift (only a change of the desired state asks for one);
 * a service or volume is drift when Switchman applied it before and it is gone. When the record does not
 * know a value (written before values were fingerprinted), the change is drift only at the fingerprint
 * last applied.
 */
public final class DriftClassifier {

    private static final String VOLUME_MOUNT_PATH = "volume.mountPath";

    private final DesiredEnvironment desired;
    private final LastApplied last;
    private final Secrets secrets;
    private final boolean sameFingerprint;

    private DriftClassifier(DesiredEnvironment desired, LastApplied last, Secrets secrets, String fingerprint) {
        this.desired = desired;
        this.last = last;
        this.secrets = secrets;
        this.sameFingerprint = fingerprint != null && fingerprint.equals(last.revision());
    }

    /** The addresses of {@code plan}'s changes that are drift, in plan order. */
    public static Set<String> drift(Plan plan, DesiredEnvironment desired, LastApplied last, Secrets secrets) {
        DriftClassifier classifier = new DriftClassifier(desired, last, secrets, plan.revision());
        Set<String> drift = new LinkedHashSet<>();
        plan.changes().stream().filter(classifier::isDrift).map(Change::address).forEach(drift::add);
        return drift;
    }

    private boolean isDrift(Change change) {
        if (last.revision() == null) {
            return false;
        }
        return switch (change) {
            case Change.ServiceCreate create -> last.inventory().contains(create.service())
                    || last.settingFingerprints().containsKey(create.service());
            case Change.ServiceDelete delete -> false;
            case Change.VariableDelete delete -> false;
            case Change.SettingUpdate update -> appliedUnchanged(update.service(), update.path());
            case Change.VolumeBackupSchedulesUpdate schedules ->
                    appliedUnchanged(schedules.service(), "volume.backupSchedules");
            case Change.VolumeCreate volume -> last.managedSettings(volume.service()).contains(VOLUME_MOUNT_PATH);
            case Change.VariableSet set -> variableUnchanged(set);
        };
    }

    /** Whether the desired value of {@code path} is the one last applied. */
    private boolean appliedUnchanged(String service, String path) {
        ServiceSpec spec = desired.services().get(service);
        Object wanted = spec == null ? null : spec.settings().byPath().get(path);
        if (wanted == null || !last.managedSettings(service).contains(path)) {
            return false;
        }
        Optional<String> applied = last.settingFingerprint(service, path);
        return applied.isPresent() ? applied.get().equals(LastApplied.settingFingerprint(wanted)) : sameFingerprint;
    }

    private boolean variableUnchanged(Change.VariableSet set) {
        Map<String, VariableValue> declared = set.scope().isShared() ? desired.sharedVariables()
                : Optional.ofNullable(desired.services().get(set.scope().service()))
                        .map(ServiceSpec::variables).orElse(Map.of());
        VariableValue value = declared.get(set.name());
        String applied = last.fingerprints(set.scope()).get(set.name());
        if (value == null || applied == null) {
            return false;
        }
        return Resolution.of(value, secrets).map(Fingerprint::sha256).filter(h -> Objects.equals(h, applied))
                .isPresent();
    }
}
