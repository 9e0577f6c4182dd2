package dev.switchman.rollout;

import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.railway.Deployment;
import dev.switchman.railway.DeploymentEvent;
import dev.switchman.railway.RailwayApi;
import dev.switchman.rollout.DeploymentTrack.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Moves a rollout one step on the environment read the run made anyway: each followed deployment's status
 * comes from that read (a service's latest or active deployments), and only a deployment the read no longer
 * shows is asked for by id. Runs the checks that are due, in dependency order (a service is verified once
 * those it depends on are), and when a service fails, decides on the way back through {@link Rollbacks}.
 * Never blocks: the reconcile loop calls it again when the next poll or check is due.
 */
final class RolloutEngine {

    private static final Duration MIN_LOOK = Duration.ofSeconds(1);

    private final RailwayApi railway;
    private final AppChecks checks;
    private final RolloutRecorder recorder;
    private final Rollbacks rollbacks;
    private final RolloutSettings settings;
    private final FailedSteps failedSteps;

    RolloutEngine(RailwayApi railway, AppChecks checks, RolloutRecorder recorder, Rollbacks rollbacks,
            RolloutSettings settings) {
        this.railway = railway;
        this.checks = checks;
        this.recorder = recorder;
        this.rollbacks = rollbacks;
        this.settings = settings;
        this.failedSteps = new FailedSteps(railway);
    }

    /** Advances {@code rollout} on {@code observed}; afterwards its state says whether it is still in progress. */
    void advance(Rollout rollout, ObservedEnvironment observed, Instant now) {
        for (ServiceRollout service : rollout.services) {
            if (!service.current().done()) {
                follow(rollout, service, service.current(), observed, now);
            }
        }
        decideFailure(rollout, now);
        if (rollout.failing) {
            rollbacks.roll(rollout, observed, now);
        }
        settle(rollout, now);
    }

    /** When the rollout wants to look again: the poll interval, or sooner when a check is due before it. */
    Duration nextLook(Rollout rollout, Instant now) {
        Duration next = settings.pollInterval();
        for (ServiceRollout service : rollout.services) {
            DeploymentTrack track = service.current();
            if (track.stage == Stage.VERIFYING && track.nextCheckAt != null) {
                Duration untilCheck = Duration.between(now, track.nextCheckAt);
                if (untilCheck.compareTo(next) < 0) {
                    next = untilCheck.compareTo(MIN_LOOK) < 0 ? MIN_LOOK : untilCheck;
                }
            }
        }
        return next;
    }

    private void follow(Rollout rollout, ServiceRollout service, DeploymentTrack track, ObservedEnvironment observed,
            Instant now) {
        if (track.stage == Stage.VERIFYING && now.isBefore(track.nextCheckAt)) {
            return;
        }
        ObservedService seen = observed.services().get(service.name);
        if (seen != null) {
            service.serviceId = seen.serviceId();
            if (service.domain == null) {
                service.domain = seen.domain();
            }
        }
        Deployment deployment = seen == null ? null
                : seen.deployment(track.deploymentId).map(d -> Deployments.of(d, seen.serviceId())).orElse(null);
        if (deployment == null) {
            deployment = railway.deployment(track.deploymentId);
            service.serviceId = deployment.serviceId();
        }
        track.status = deployment.status();
        DeploymentPhase phase = DeploymentPhase.of(deployment.status());
        if (phase.running()) {
            if (!track.ran && track == service.forward && service.migration != null) {
                recorder.migrationApplied(rollout, service, now);
            }
            track.ran = true;
        }
        switch (phase) {
            case FAILED -> failed(rollout, service, track, railwayFailure(rollout, service, track, deployment, now), now);
            case CRASHED -> failed(rollout, service, track, "Railway: deployment CRASHED" + reason(deployment), now);
            case GONE -> failed(rollout, service, track, "Railway: deployment " + deployment.status()
                    + " before it was verified", now);
            case GOING, UNKNOWN -> {
                if (now.isAfter(rollout.startedAt.plus(settings.maxWait()))) {
                    failed(rollout, service, track, "still " + deployment.status() + " after " + settings.maxWait(), now);
                }
            }
            case SUCCEEDED, SLEEPING -> {
                // Once the rollout fails, a new deployment that runs is rolled back, not verified.
                boolean forwardOfFailing = rollout.failing && track == service.forward;
                if (!forwardOfFailing && dependenciesVerified(rollout, service)) {
                    verify(rollout, service, track, phase, now);
                }
            }
        }
    }

    private void verify(Rollout rollout, ServiceRollout service, DeploymentTrack track, DeploymentPhase phase, Instant now) {
        if (service.verify == null || service.verify.checks().isEmpty()) {
            track.verified(now);
            recorder.store().markGood(rollout.project, rollout.environment, service.name, track.deploymentId,
                    rollout.revision, now);
            return;
        }
        if (track.stage == Stage.DEPLOYING) {
            track.stage = Stage.VERIFYING;
            track.soakEndsAt = now.plus(service.verify.soak());
            track.nextCheckAt = now;
        }
        List<CheckResult> round = checks.round(baseUrl(service), service.verify);
        recorder.checks(round);
        // A sleeping serverless service wakes on a request; a round it sleeps through is not a failure.
        CheckResult failedCheck = round.stream().filter(r -> !r.passed())
                .filter(r -> phase != DeploymentPhase.SLEEPING || r.status() != 0 && r.status() < 500)
                .findFirst().orElse(null);
        track.round(now, failedCheck);
        if (failedCheck == null) {
            track.consecutiveFailures = 0;
        } else {
            track.consecutiveFailures++;
            // A round below the threshold is noise the soak is there to ride out: no alert yet.
            if (track.consecutiveFailures >= Math.max(1, service.verify.failureThreshold())) {
                if (!track.degraded) {
                    track.degraded = true;
                    recorder.degraded(rollout, service, failedCheck, now);
                }
                failed(rollout, service, track, "check " + failedCheck.check() + " failed "
                        + track.consecutiveFailures + " time(s) in a row: " + failedCheck.reason(), now);
                return;
            }
        }
        if (!now.isBefore(track.soakEndsAt) && track.consecutiveFailures == 0) {
            track.verified(now);
            recorder.store().markGood(rollout.project, rollout.environment, service.name, track.deploymentId,
                    rollout.revision, now);
        } else {
            track.nextCheckAt = now.plus(service.verify.interval());
        }
    }

    private void failed(Rollout rollout, ServiceRollout service, DeploymentTrack track, String why, Instant now) {
        track.fail(why, now);
        recorder.serviceFailed(rollout, service, track, now);
    }

    /**
     * The first failed service decides why the rollout fails, unless another one failed in its
     * migration: a schema that may have half changed is what a person must hear about first.
     */
    private static void decideFailure(Rollout rollout, Instant now) {
        ServiceRollout cause = rollout.services.stream().filter(s -> s.forward.stage == Stage.FAILED)
                .min(Comparator.comparing(s -> !s.forward.migrationFailed)).orElse(null);
        if (cause == null || rollout.failing && (rollout.migrationFailed || !cause.forward.migrationFailed)) {
            return;
        }
        if (!rollout.failing) {
            rollout.failing = true;
            rollout.failedAt = now;
        }
        rollout.migrationFailed = cause.forward.migrationFailed;
        rollout.reason = cause.name + ": " + cause.forward.reason;
    }

    /** Railway's FAILED with the step that failed; a failed pre-deploy command that migrates is a migration failure. */
    private String railwayFailure(Rollout rollout, ServiceRollout service, DeploymentTrack track, Deployment deployment,
            Instant now) {
        String plain = "Railway: deployment FAILED" + reason(deployment);
        if (track != service.forward) {
            return plain;
        }
        DeploymentEvent step = failedSteps.of(deployment.id()).orElse(null);
        if (step == null) {
            return plain;
        }
        if (service.migration != null && DeploymentEvent.PRE_DEPLOY_COMMAND.equals(step.step())) {
            track.migrationFailed = true;
            return service.migration.failure(service.name, step.error(), service.preMigrationBackup);
        }
        if (service.migration != null && DeploymentEvent.HEALTHCHECK.equals(step.step())) {
            // the healthcheck comes after the pre-deploy step: the migration command went through
            recorder.migrationApplied(rollout, service, now);
        }
        return plain + " in step " + step.step() + ": " + step.error();
    }

    private String baseUrl(ServiceRollout service) {
        if (service.verify.baseUrl() != null) {
            return service.verify.baseUrl();
        }
        return settings.domainBaseUrl() + (service.domain == null ? "no-domain-" + service.name : service.domain);
    }

    private static String reason(Deployment deployment) {
        Object reason = deployment.meta() == null ? null : deployment.meta().path("reason").textValue();
        return reason == null ? "" : " (" + reason + ")";
    }

    /** Services are verified in dependency order: a service's checks wait for those it depends on. */
    private static boolean dependenciesVerified(Rollout rollout, ServiceRollout service) {
        return rollout.services.stream().filter(other -> service.dependsOn.contains(other.name))
                .allMatch(other -> other.current().stage == Stage.VERIFIED);
    }

    private void settle(Rollout rollout, Instant now) {
        boolean allSettled = rollout.services.stream().allMatch(ServiceRollout::settled);
        if (!allSettled) {
            recorder.progress(rollout, now);
            return;
        }
        if (!rollout.failing) {
            rollout.state = Rollout.State.SUCCEEDED;
        } else {
            rollout.state = rollout.services.stream().anyMatch(s -> "done".equals(s.rollback))
                    ? Rollout.State.ROLLED_BACK : Rollout.State.FAILED;
            recorder.quarantined(rollout, now);
        }
        recorder.finished(rollout, now);
    }

}
