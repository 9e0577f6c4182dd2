package dev.switchman.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Moves deployments through Railway's lifecycle on the sandbox clock: INITIALIZING -> QUEUED ->
 * BUILDING (repository sources) -> DEPLOYING -> SUCCESS, then the previously active deployment ->
 * REMOVING -> REMOVED after the new one's overlapSeconds. A service with a pre-deploy command runs it
 * first in DEPLOYING, in its own container, before any instance starts or the old one is touched; a
 * failure there (not retried) ends the deployment FAILED. A FAILED deployment leaves the old one
 * serving. Each step is recorded as a {@link StepEvent}. Steps run lazily: {@link #runUntil} replays
 * every step due, in time order.
 */
final class DeploymentLifecycle {

    private final SandboxState state;

    DeploymentLifecycle(SandboxState state) {
        this.state = state;
    }

    /** Runs every lifecycle step and workflow completion due by {@code now}, earliest first. */
    void runUntil(Instant now) {
        while (true) {
            Optional<DeploymentEntity> due = state.deployments.values().stream()
                    .filter(d -> d.nextStepAt != null && !d.nextStepAt.isAfter(now))
                    .min(Comparator.comparing(d -> d.nextStepAt));
            if (due.isEmpty()) {
                break;
            }
            step(due.get(), due.get().nextStepAt);
        }
        state.workflows.values().stream()
                .filter(w -> !w.completed && !w.completesAt.isAfter(now))
                .sorted(Comparator.comparing(w -> w.completesAt))
                .forEach(w -> {
                    w.completed = true;
                    w.onComplete.run();
                });
    }

    /** Starts a deployment; any older one still in progress for the same instance is aborted (REMOVED). */
    void start(DeploymentEntity d) {
        Instant now = state.now();
        for (DeploymentEntity other : state.deploymentsOf(d.environmentId, d.serviceId)) {
            if (other.inProgress()) {
                other.moveTo("REMOVED", now, null);
            }
        }
        state.deployments.put(d.id, d);
        d.moveTo("INITIALIZING", now, now.plus(state.timings.initializing()));
    }

    /** Seeds a deployment that is already live, as fixtures describe existing services. */
    void seedLive(DeploymentEntity d) {
        state.deployments.put(d.id, d);
        d.imageBuilt = true;
        d.moveTo("SUCCESS", d.createdAt, null);
    }

    private void step(DeploymentEntity d, Instant at) {
        switch (d.status) {
            case "INITIALIZING" -> d.moveTo("QUEUED", at, at.plus(state.timings.queued()));
            case "QUEUED" -> {
                if (d.builds) {
                    begin(d, "BUILD_IMAGE", at);
                    d.moveTo("BUILDING", at, at.plus(state.timings.build()));
                } else {
                    startDeploying(d, at);
                }
            }
            case "BUILDING" -> {
                if (d.fate.failBuild()) {
                    d.end("BUILD_IMAGE", at, "Build failed");
                    d.moveTo("FAILED", at, null);
                } else {
                    d.end("BUILD_IMAGE", at, null);
                    startDeploying(d, at);
                }
            }
            case "DEPLOYING" -> {
                if (d.preDeploying) {
                    finishPreDeploy(d, at);
                } else if (d.fate.failHealthcheck()) {
                    d.end("HEALTHCHECK", at, "Healthcheck failed");
                    d.moveTo("FAILED", at, null);
                } else {
                    d.end("HEALTHCHECK", at, null);
                    Long crash = d.fate.crashAfterSeconds();
                    d.moveTo("SUCCESS", at, crash == null ? null : at.plus(Duration.ofSeconds(crash)));
                    retirePrevious(d, at, overlap(d));
                }
            }
            case "SUCCESS" -> d.moveTo("CRASHED", at, null);
            case "REMOVING" -> d.moveTo("REMOVED", at, null);
            default -> d.nextStepAt = null;
        }
    }

    private void startDeploying(DeploymentEntity d, Instant at) {
        d.imageBuilt = true;
        if (d.hasPreDeployCommand()) {
            d.preDeploying = true;
            begin(d, "PRE_DEPLOY_COMMAND", at);
            d.moveTo("DEPLOYING", at, at.plus(state.timings.deploy()));
        } else {
            startInstances(d, at);
        }
    }

    private void finishPreDeploy(DeploymentEntity d, Instant at) {
        d.preDeploying = false;
        d.end("PRE_DEPLOY_COMMAND", at, d.fate.preDeployError());
        if (d.fate.preDeployError() != null) {
            d.moveTo("FAILED", at, null);
        } else {
            startInstances(d, at);
        }
    }

    private void startInstances(DeploymentEntity d, Instant at) {
        d.moveTo("DEPLOYING", at, at.plus(state.timings.deploy()));
        if (d.setting("deploy", "healthcheckPath") != null || d.fate.failHealthcheck()) {
            begin(d, "HEALTHCHECK", at);
        }
        if (d.serviceConfig.get("volumeMounts") instanceof Map<?, ?> mounts && !mounts.isEmpty()) {
            // A volume can be mounted by one container only, so the old deployment stops first.
            retirePrevious(d, at, Duration.ZERO);
        }
    }

    private void retirePrevious(DeploymentEntity current, Instant at, Duration overlap) {
        for (DeploymentEntity old : state.deploymentsOf(current.environmentId, current.serviceId)) {
            if (old != current && old.active()) {
                old.moveTo("REMOVING", at, at.plus(overlap));
                begin(current, "DRAIN_INSTANCES", at);
                current.end("DRAIN_INSTANCES", at.plus(overlap), null);
            }
        }
    }

    private void begin(DeploymentEntity d, String step, Instant at) {
        d.begin(state.ids.next("deploymentEvent"), step, at);
    }

    private static Duration overlap(DeploymentEntity d) {
        return d.setting("deploy", "overlapSeconds") instanceof Number n ? Duration.ofSeconds(n.longValue()) : Duration.ZERO;
    }

    boolean canRollback(DeploymentEntity d) {
        return d.imageBuilt && !d.inProgress()
                && state.now().isBefore(d.createdAt.plus(state.timings.rollbackRetention()));
    }

    boolean canRedeploy(DeploymentEntity d) {
        return !d.inProgress();
    }

    void cancel(DeploymentEntity d) {
        if (!d.inProgress()) {
            throw SandboxException.badInput("Deployment is not building or queued");
        }
        d.moveTo("REMOVED", state.now(), null);
    }

    void remove(DeploymentEntity d) {
        d.stopped = true;
        d.moveTo("REMOVED", state.now(), null);
    }

    void stop(DeploymentEntity d) {
        d.stopped = true;
    }

    /** A running deployment's process exits and the restart policy gives up: CRASHED, it stays active. */
    void crash(DeploymentEntity d) {
        if (!"SUCCESS".equals(d.status) && !"SLEEPING".equals(d.status)) {
            throw SandboxException.badInput("Only a running deployment can crash");
        }
        d.moveTo("CRASHED", state.now(), null);
    }

    /** Restart keeps the deployment id; a crashed deployment comes back as SUCCESS. */
    void restart(DeploymentEntity d) {
        if (!d.active()) {
            throw SandboxException.badInput("Only an active deployment can be restarted");
        }
        d.restarts++;
        d.stopped = false;
        if (!"SUCCESS".equals(d.status)) {
            d.moveTo("SUCCESS", state.now(), null);
        }
    }
}
