package dev.switchman.plan;

import dev.switchman.observed.ObservedDeployment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether what runs is what is configured: a service whose configuration was written without a deployment
 * following (the record says one is owed, or its newest deployment runs another image or pinned commit than
 * its settings name) is not in sync, however equal its settings are to the desired state. Railway's deployment
 * {@code meta} names the image or commit a deployment runs; a branch-following repo service without a pinned
 * commit can only be judged by the record.
 */
public final class DeployedTruth {

    private DeployedTruth() {
    }

    /** Service -> why a deployment is owed, in the environment's order. */
    public static Map<String, String> undeployed(ObservedEnvironment observed, LastApplied last) {
        Map<String, String> owed = new LinkedHashMap<>();
        observed.services().forEach((name, service) -> {
            String why = last.undeployed().contains(name)
                    ? "its settings or variables were written but no deployment followed"
                    : sourceMismatch(service);
            if (why != null) {
                owed.put(name, why);
            }
        });
        return owed;
    }

    private static String sourceMismatch(ObservedService service) {
        ObservedDeployment latest = service.latestDeployment();
        Object image = service.settings().get("source.image");
        if (image instanceof String configured) {
            Object running = latest == null ? null : latest.meta().get("image");
            if (latest == null) {
                return "it is configured to run " + configured + " and was never deployed";
            }
            if (running instanceof String deployed && !sameImage(configured, deployed)) {
                return "it is configured to run " + configured + " but its newest deployment runs " + deployed;
            }
            return null;
        }
        Object pinned = service.settings().get("source.commitSha");
        Object commit = latest == null ? null : latest.meta().get("commitHash");
        if (pinned instanceof String configured && commit instanceof String deployed
                && !Objects.equals(configured, deployed)) {
            return "it is configured to run commit " + configured + " but its newest deployment runs " + deployed;
        }
        return null;
    }

    /** {@code redis}, {@code redis:latest} and {@code docker.io/library/redis:latest} name one image. */
    static boolean sameImage(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String image) {
        String name = image.strip();
        if (name.startsWith("docker.io/")) {
            name = name.substring("docker.io/".length());
        }
        if (name.startsWith("library/")) {
            name = name.substring("library/".length());
        }
        boolean tagged = name.contains("@") || name.lastIndexOf(':') > name.lastIndexOf('/');
        return tagged ? name : name + ":latest";
    }
}
