package dev.switchman.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.desired.Policy;
import dev.switchman.observed.ObservedDeployment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.railway.Deployment;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.railway.ServiceInstanceUpdate;
import dev.switchman.rollout.DeploymentTrack.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The way back of a failing rollout, in reverse dependency order: a service whose new deployment
 * ran goes back to its last-known-good deployment ({@code deploymentRollback}, or a redeploy of the
 * last good source once Railway's retention has passed); one that Railway failed needs nothing,
 * the old deployment kept serving. Either way, with rollback {@code automatic}, the service is then held
 * on the good source in Railway's settings ({@link Holds}). With rollback {@code manual} or {@code off}
 * nothing is done beyond recording it.
 */
final class Rollbacks {

    private final RailwayApi railway;
    private final RolloutRecorder recorder;
    private final Holds holds;
    private final Supplier<Instant> clock;

    Rollbacks(RailwayApi railway, RolloutRecorder recorder, Holds holds, Supplier<Instant> clock) {
        this.railway = railway;
        this.recorder = recorder;
        this.holds = holds;
        this.clock = clock;
    }

    void roll(Rollout rollout, ObservedEnvironment observed, Instant now) {
        List<ServiceRollout> reversed = new ArrayList<>(rollout.services);
        Collections.reverse(reversed);
        for (ServiceRollout service : reversed) {
            switch (service.rollback) {
                case "none" -> begin(rollout, service, observed, now);
                case "requested" -> finish(rollout, service, now);
                default -> { }
            }
        }
    }

    private void begin(Rollout rollout, ServiceRollout service, ObservedEnvironment observed, Instant now) {
        if (!service.forward.ran) {
            if (service.forward.stage == Stage.FAILED) {
                service.rollback = "notNeeded";
                holdOnServing(rollout, service, observed, now);
            }
            return;
        }
        if (rollout.rollbackMode != Policy.RollbackMode.AUTOMATIC) {
            service.rollback = "skipped";
            recorder.rollbackProblem(rollout, service, "rollback policy is " + rollout.rollbackMode
                    + ": the failed deployment keeps serving until someone acts", now);
            return;
        }
        String target = recorder.store().lastGood(rollout.project, rollout.environment, service.name,
                service.forward.deploymentId).orElse(null);
        if (target == null) {
            service.rollback = "impossible";
            recorder.rollbackProblem(rollout, service, "no last-known-good deployment to roll back to", now);
            return;
        }
        requestTo(rollout, service, target, observed.unmergedChangesCount() > 0, now);
    }

    /** Rolls {@code service} back to the deployment {@code target} (its last-known-good, or one a person chose). */
    void requestTo(Rollout rollout, ServiceRollout service, String target, boolean othersStaged, Instant now) {
        Deployment good;
        try {
            good = railway.deployment(target);
            request(rollout, service, good);
        } catch (RailwayException.Transient | RailwayException.RateLimited retryLater) {
            return;
        } catch (RailwayException refused) {
            service.rollback = "failed";
            recorder.rollbackProblem(rollout, service, "Railway refused the rollback: " + refused.getMessage(), now);
            return;
        }
        // the delay people wait for: from the failed verdict until Railway has the rollback, not the tick's start
        Instant requested = clock.get();
        Instant verdict = service.forward.failedAt != null ? service.forward.failedAt : rollout.failedAt;
        recorder.rollbackRequested(rollout, service, verdict == null ? null : Duration.between(verdict, requested),
                now);
        holds.place(rollout.project, rollout.environment, rollout.environmentId, service.name, service.serviceId,
                rollout.revision, good, "rolled back: " + service.forward.reason, othersStaged, now);
    }

    /** Railway failed the new deployment and the good one kept serving: hold the service on what serves. */
    private void holdOnServing(Rollout rollout, ServiceRollout service, ObservedEnvironment observed, Instant now) {
        if (rollout.rollbackMode != Policy.RollbackMode.AUTOMATIC || service.serviceId == null) {
            return;
        }
        String good = recorder.store().lastGood(rollout.project, rollout.environment, service.name,
                service.forward.deploymentId).orElse(null);
        ObservedService seen = observed.services().get(service.name);
        ObservedDeployment serving = seen == null ? null : seen.activeDeployment();
        if (good == null || serving == null || !serving.id().equals(good)) {
            return;
        }
        holds.place(rollout.project, rollout.environment, rollout.environmentId, service.name, service.serviceId,
                rollout.revision, Deployments.of(serving, service.serviceId), "its deployment failed: "
                        + service.forward.reason, observed.unmergedChangesCount() > 0, now);
    }

    private void request(Rollout rollout, ServiceRollout service, Deployment target) {
        String newDeployment;
        if (target.canRollback()) {
            newDeployment = railway.rollback(target).found().map(Deployment::id)
                    .orElseGet(() -> railway.deployments(service.serviceId, rollout.environmentId, 1).get(0).id());
        } else {
            String commit = target.meta() == null ? null : target.meta().path("commitHash").textValue();
            String image = target.meta() == null ? null : target.meta().path("image").textValue();
            if (image != null) {
                // An image service deploys what its settings name, so they name the last good image first.
                ObjectNode input = JsonNodeFactory.instance.objectNode();
                input.putObject("source").put("image", image);
                railway.updateServiceInstance(new ServiceInstanceUpdate(service.serviceId, rollout.environmentId, input));
            }
            newDeployment = railway.deploy(service.serviceId, rollout.environmentId, commit);
            service.redeployedSource = true;
        }
        service.rollbackTarget = target.id();
        service.back = new DeploymentTrack(newDeployment);
        service.rollback = "requested";
    }

    private void finish(Rollout rollout, ServiceRollout service, Instant now) {
        if (service.back.stage == Stage.VERIFIED) {
            service.rollback = "done";
            recorder.rolledBack(rollout, service, now);
        } else if (service.back.stage == Stage.FAILED) {
            service.rollback = "failed";
            recorder.rollbackProblem(rollout, service, "the rollback deployment failed: " + service.back.reason, now);
        }
    }
}
