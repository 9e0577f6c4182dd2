package dev.switchman.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Moves deployments through Railway's lifecycle on the sandbox clock: INITIALIZING -> QUEUED ->
 * BUILDING (repository sources) -> DEPLOYING -> SUCCESS, then the previously active deployment ->
 * REMOVING -> REMOVED after the new one's overlapSeconds. A FAILED deployment leaves the old one
 * serving. Steps run lazily: {@link #runUntil} replays every step due, in time order.
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
                    d.moveTo("BUILDING", at, at.plus(state.timings.build()));
                } else {
                    startDeploying(d, at);
                }
            }
            case "BUILDING" -> {
                if (d.fate.failBuild()) {
                    d.moveTo("FAILED", at, null);
                } else {
                    startDeploying(d, at);
                }
            }
            case "DEPLOYING" -> {
                if (d.fate.failHealthcheck()) {
                    d.moveTo("FAILED", at, null);
                } else {
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
        d.moveTo("DEPLOYING", at, at.plus(state.timings.deploy()));
        if (d.serviceConfig.get("volumeMounts") instanceof Map<?, ?> mounts && !mounts.isEmpty()) {
            // A volume can be mounted by one container only, so the old deployment stops first.
            retirePrevious(d, at, Duration.ZERO);
        }
    }

    private void retirePrevious(DeploymentEntity current, Instant at, Duration overlap) {
        for (DeploymentEntity old : state.deploymentsOf(current.environmentId, current.serviceId)) {
            if (old != current && old.active()) {
                old.moveTo("REMOVING", at, at.plus(overlap));
            }
        }
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
