package dev.switchman.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notifications for rollout and health news, one factory per event of the rollout package's
 * {@code RolloutEvent} family (same fields, same order), so connecting the two is a one-line switch.
 * Rollout news is one alert per environment ({@link Notification#alertService()}; the service is part of
 * the state key); health is one alert per service. Each state key ends with the incident (the rollout, or the
 * deployment for health), so a revision failing again after {@code switchman retry} is news again, while the
 * re-sends of one incident keep one id.
 */
public final class RolloutNotices {

    private RolloutNotices() {
    }

    public static Notification rolloutStarted(String environment, String revision, Map<String, String> deployments,
            String incident) {
        return Notification.of(environment, "", NotificationKind.ROLLOUT_STARTED, key(revision, incident),
                "deploying " + String.join(", ", new TreeMap<>(deployments).keySet()) + " at revision " + revision,
                withDeployments(revision, deployments));
    }

    public static Notification rolloutSucceeded(String environment, String revision, Map<String, String> deployments,
            String incident) {
        return Notification.of(environment, "", NotificationKind.ROLLOUT_SUCCEEDED, key(revision, incident),
                "revision " + revision + " is live and verified", withDeployments(revision, deployments));
    }

    public static Notification rolloutFailed(String environment, String service, String revision, String deploymentId,
            String reason, String incident) {
        return Notification.of(environment, service, NotificationKind.ROLLOUT_FAILED,
                key(revision + "/" + service, incident),
                service + ": " + reason, Map.of("revision", revision, "service", service,
                        "deploymentId", String.valueOf(deploymentId)));
    }

    public static Notification rolledBack(String environment, String service, String revision,
            String targetDeploymentId, String newDeploymentId, boolean redeployedSource, String reason,
            String incident) {
        return Notification.of(environment, service, NotificationKind.ROLLED_BACK, key(revision + "/" + service, incident),
                service + " rolled back to " + targetDeploymentId
                        + (redeployedSource ? " (past Railway's retention: the last good source was redeployed)" : "")
                        + ": " + reason,
                Map.of("revision", revision, "service", service, "targetDeploymentId", targetDeploymentId,
                        "newDeploymentId", String.valueOf(newDeploymentId),
                        "redeployedSource", String.valueOf(redeployedSource)));
    }

    public static Notification quarantined(String environment, String revision, String reason, String incident) {
        return Notification.of(environment, "", NotificationKind.QUARANTINED, key(revision, incident),
                "revision " + revision + " will not be applied again until a newer one or switchman retry: " + reason,
                Map.of("revision", revision));
    }

    /**
     * @param check the failing check, or null when the deployment crashed
     * @param status the failing check's HTTP status, 0 when there was no answer
     */
    public static Notification serviceDegraded(String environment, String service, String revision, String check,
            int status, String reason, String incident) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("revision", revision);
        if (check != null) {
            details.put("check", check);
            details.put("httpStatus", String.valueOf(status));
        }
        String what = check == null ? reason
                : "check " + check + (status == 0 ? " got no answer" : " answered HTTP " + status) + ": " + reason;
        return Notification.of(environment, service, NotificationKind.SERVICE_DEGRADED,
                key(revision + "/" + (check == null ? "crashed" : check), incident), what, details);
    }

    public static Notification serviceRecovered(String environment, String service, String revision) {
        return Notification.of(environment, service, NotificationKind.SERVICE_RECOVERED, revision,
                service + " passes its checks again", Map.of("revision", revision));
    }

    /** A deployment Switchman did not make: drift of {@code service}, corrected once the revision is redeployed. */
    public static Notification deploymentDrift(String environment, String service, String revision,
            String deploymentId, boolean corrected) {
        return corrected
                ? Notification.of(environment, service, NotificationKind.DRIFT_CORRECTED, deploymentId,
                        service + ": the desired revision " + revision + " was redeployed",
                        Map.of("revision", revision, "deploymentId", deploymentId))
                : Notification.of(environment, service, NotificationKind.DRIFT_DETECTED, deploymentId,
                        service + ": deployment " + deploymentId + " was not made by Switchman",
                        Map.of("revision", revision, "deploymentId", deploymentId));
    }

    private static String key(String state, String incident) {
        return incident == null ? state : state + "#" + incident;
    }

    private static Map<String, String> withDeployments(String revision, Map<String, String> deployments) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("revision", revision);
        deployments.forEach((service, id) -> details.put("deployment." + service, id));
        return details;
    }
}
