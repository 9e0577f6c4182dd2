package dev.switchman.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One deployment: an immutable snapshot of the service instance's config and rendered variables,
 * plus its mutable lifecycle position. {@link #nextStepAt} is when the lifecycle moves it next.
 */
final class DeploymentEntity {

    /**
     * What happens to this deployment, decided when it was created from the service's fault knobs.
     * {@code preDeployError}: the pre-deploy command fails with this text (null: it succeeds).
     */
    record Fate(boolean failBuild, boolean failHealthcheck, Long crashAfterSeconds, boolean degraded,
            String preDeployError) {
        static final Fate HEALTHY = new Fate(false, false, null, false, null);
    }

    final String id;
    final String projectId;
    final String environmentId;
    final String serviceId;
    final Instant createdAt;
    final Map<String, Object> serviceConfig;
    final Map<String, String> variables;
    final Map<String, Object> meta;
    final boolean builds;
    final Fate fate;
    String status = "INITIALIZING";
    Instant statusUpdatedAt;
    Instant nextStepAt;
    boolean imageBuilt;
    boolean stopped;
    int restarts;
    /** Whether its DEPLOYING phase is still running the pre-deploy command (containers not started yet). */
    boolean preDeploying;
    /** The steps it went through, oldest first: what {@code deploymentEvents} reports. */
    final List<StepEvent> events = new ArrayList<>();

    DeploymentEntity(String id, String projectId, String environmentId, String serviceId, Instant createdAt,
            Map<String, Object> serviceConfig, Map<String, String> variables, Map<String, Object> meta,
            boolean builds, Fate fate) {
        this.id = id;
        this.projectId = projectId;
        this.environmentId = environmentId;
        this.serviceId = serviceId;
        this.createdAt = createdAt;
        this.serviceConfig = serviceConfig;
        this.variables = variables;
        this.meta = meta;
        this.builds = builds;
        this.fate = fate;
        this.statusUpdatedAt = createdAt;
    }

    boolean inProgress() {
        return switch (status) {
            case "INITIALIZING", "QUEUED", "WAITING", "NEEDS_APPROVAL", "BUILDING", "DEPLOYING" -> true;
            default -> false;
        };
    }

    /** Serving or able to serve: the one active deployment of its service instance. */
    boolean active() {
        return switch (status) {
            case "SUCCESS", "CRASHED", "SLEEPING" -> true;
            default -> false;
        };
    }

    boolean removed() {
        return "REMOVED".equals(status) || "REMOVING".equals(status);
    }

    void moveTo(String newStatus, Instant at, Instant next) {
        status = newStatus;
        statusUpdatedAt = at;
        nextStepAt = next;
    }

    /** Starts a step now; {@code id} is the event's id. */
    void begin(String id, String step, Instant at) {
        events.add(new StepEvent(id, step, at));
    }

    /** Ends the latest {@code step} at {@code at}, failed with {@code error} or (null) completed. */
    void end(String step, Instant at, String error) {
        for (int i = events.size() - 1; i >= 0; i--) {
            StepEvent event = events.get(i);
            if (event.step.equals(step) && event.completedAt == null) {
                event.completedAt = at;
                event.error = error;
                return;
            }
        }
    }

    /** Whether the service instance runs a pre-deploy command (Railway's config: a string or a list). */
    boolean hasPreDeployCommand() {
        Object command = setting("deploy", "preDeployCommand");
        return command instanceof String text ? !text.isBlank() : command instanceof List<?> list && !list.isEmpty();
    }

    @SuppressWarnings("unchecked")
    Object setting(String group, String key) {
        Object g = serviceConfig.get(group);
        return g instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(key) : null;
    }
}
