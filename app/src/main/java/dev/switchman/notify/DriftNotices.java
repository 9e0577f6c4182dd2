package dev.switchman.notify;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.plan.Change;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Drift as notifications, one alert per environment: "detected" names the drifted fields (never values) and
 * is keyed by revision and field set, so the same drift reported every interval is sent once; "corrected"
 * follows every run that leaves the environment as desired, and the notifier sends it only after an alert.
 */
public final class DriftNotices {

    private DriftNotices() {
    }

    public static Notification detected(DesiredEnvironment environment, String revision, List<Change> changes,
            Policy.DriftMode mode) {
        List<String> fields = changes.stream().map(Change::address).sorted().toList();
        String services = String.join(", ", new TreeSet<>(changes.stream().map(Change::service)
                .filter(Objects::nonNull).toList()));
        String action = mode == Policy.DriftMode.SELF_HEAL ? "reverting it (selfHeal)" : "reporting only (reportOnly)";
        return Notification.of(environment.qualifiedName(), "", NotificationKind.DRIFT_DETECTED,
                revision + ":" + Integer.toHexString(fields.hashCode()),
                fields.size() + " field(s) changed outside Switchman: " + String.join(", ", fields) + "; " + action,
                Map.of("revision", String.valueOf(revision), "mode", mode.name(), "fields", String.join(", ", fields),
                        "services", services));
    }

    public static Notification corrected(DesiredEnvironment environment, String revision, boolean revertedNow) {
        return Notification.of(environment.qualifiedName(), "", NotificationKind.DRIFT_CORRECTED, revision,
                revertedNow ? "drifted fields reverted to the desired state (selfHeal)"
                        : "the environment matches the desired state again",
                Map.of("revision", String.valueOf(revision)));
    }
}
