package dev.switchman.plan;

import dev.switchman.desired.Secrets;
import dev.switchman.desired.VariableValue;
import dev.switchman.observed.ObservedVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the variables of one scope. A literal is compared as a string; a secret by the SHA-256
 * of its resolved value. When Railway hides the current value (sealed or masked), the comparison
 * is against the fingerprint of what Switchman applied last time. Variables neither declared nor
 * applied last time are not Switchman's and are left alone, and Railway's own {@code RAILWAY_*}
 * variables never drift.
 */
final class VariableDiff {

    final List<Change> sets = new ArrayList<>();
    final List<Change> deletes = new ArrayList<>();
    final List<PlanNote> notes = new ArrayList<>();
    final List<PlanNote> blockers = new ArrayList<>();

    /**
     * @param deletable whether variables Switchman set and no longer declares may be deleted; when
     *     false they are reported, with {@code keptBecause} saying why
     */
    VariableDiff(VariableScope scope, Map<String, VariableValue> declared, Map<String, ObservedVariable> observed,
            Map<String, String> lastFingerprints, Secrets secrets, boolean deletable, String keptBecause) {
        declared.forEach((name, value) -> {
            if (!isRailways(name)) {
                compare(scope, name, value, observed.get(name), lastFingerprints.get(name), secrets);
            }
        });
        lastFingerprints.keySet().forEach(name -> {
            if (declared.containsKey(name) || !observed.containsKey(name) || isRailways(name)) {
                return;
            }
            if (deletable) {
                deletes.add(new Change.VariableDelete(scope, name));
            } else {
                notes.add(new PlanNote(scope.address(name),
                        "no longer declared; left on Railway because " + keptBecause));
            }
        });
    }

    static boolean isRailways(String name) {
        return name.startsWith("RAILWAY_");
    }

    private void compare(VariableScope scope, String name, VariableValue value, ObservedVariable current,
            String lastFingerprint, Secrets secrets) {
        var resolved = Resolution.of(value, secrets);
        if (resolved.isEmpty()) {
            String secret = ((VariableValue.SecretRef) value).name();
            blockers.add(new PlanNote(scope.address(name),
                    "secret " + secret + " does not resolve; set it in the daemon's environment or secrets directory",
                    PlanNote.Kind.UNRESOLVED_SECRET));
            return;
        }
        String wanted = resolved.get();
        boolean secret = value instanceof VariableValue.SecretRef;
        PlannedValue after = secret
                ? PlannedValue.secret(((VariableValue.SecretRef) value).name(), wanted)
                : PlannedValue.plain(wanted);
        if (current == null) {
            sets.add(new Change.VariableSet(scope, name, null, after));
            return;
        }
        boolean same;
        if (!current.isVisible()) {
            same = Fingerprint.sha256(wanted).equals(lastFingerprint);
        } else if (secret) {
            same = Fingerprint.sha256(current.value()).equals(Fingerprint.sha256(wanted));
        } else {
            same = current.value().equals(wanted);
        }
        if (!same) {
            PlannedValue before = secret || !current.isVisible()
                    ? PlannedValue.hidden()
                    : PlannedValue.plain(current.value());
            sets.add(new Change.VariableSet(scope, name, before, after));
        }
    }
}
