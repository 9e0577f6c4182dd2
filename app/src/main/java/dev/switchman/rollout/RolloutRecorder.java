package dev.switchman.rollout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RolloutState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes down what a rollout does: the rollout row and quarantines (store), the environment's event
 * history, metrics ({@code switchman_rollouts_total{result}}, {@code switchman_rollbacks_total{how}},
 * {@code switchman_rollback_delay_seconds}, {@code switchman_verification_checks_total{result}}) and
 * the {@link RolloutEvent}s for listeners.
 */
final class RolloutRecorder {

    /** The services JSON field that keeps a service's pre-migration backup across restarts. */
    static final String PRE_MIGRATION_BACKUP = "preMigrationBackup";

    private final RolloutRepository store;
    private final EventRepository events;
    private final MeterRegistry registry;
    private final RolloutListener listener;

    RolloutRecorder(RolloutRepository store, EventRepository events, MeterRegistry registry, RolloutListener listener) {
        this.store = store;
        this.events = events;
        this.registry = registry;
        this.listener = listener;
    }

    RolloutRepository store() {
        return store;
    }

    /**
     * @param backups service -> the pre-migration backup taken before its deploy (kept with the rollout)
     * @param owner null when the daemon follows the rollout, else the command that does (a rollback by hand)
     */
    long start(String project, String environment, String revision, String provenance, Map<String, String> deployments,
            Map<String, String> backups, String owner, Instant at) {
        ArrayNode services = JsonNodeFactory.instance.arrayNode();
        deployments.forEach((service, id) -> {
            ObjectNode node = services.addObject().put("service", service).put("deploymentId", id);
            if (backups.get(service) != null) {
                node.put(PRE_MIGRATION_BACKUP, backups.get(service));
            }
        });
        long id = store.start(project, environment, revision, provenance, services.toString(), owner, at);
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("revision", revision).put("rolloutId", id);
        if (provenance != null) {
            details.put("provenance", provenance);
        }
        deployments.forEach(details.withObject("deployments")::put);
        append(project, environment, at, "Normal", "RolloutStarted", deployments.size() + " deployment(s) to follow"
                + (owner == null ? "" : " (" + owner + ")"), details);
        emit(new RolloutEvent.RolloutStarted(project + "/" + environment, revision, deployments, incident(id), at));
        return id;
    }

    void progress(Rollout rollout, Instant at) {
        store.update(rollout.id, label(rollout.state), verdict(rollout), rollout.reason, services(rollout).toString(), at);
    }

    void checks(List<CheckResult> results) {
        results.forEach(r -> Counter.builder("switchman_verification_checks_total").tag("result", r.passed() ? "pass" : "fail")
                .register(registry).increment());
    }

    void serviceFailed(Rollout rollout, ServiceRollout service, DeploymentTrack track, Instant at) {
        append(rollout, at, "Warning", track.migrationFailed ? "MigrationFailed" : "RolloutFailed",
                service.name + ": " + track.reason, serviceDetails(rollout, service));
        emit(new RolloutEvent.RolloutFailed(rollout.qualifiedName(), service.name, rollout.revision, track.deploymentId,
                track.reason, incident(rollout.id), at));
        if (track.migrationFailed && service.migration != null) {
            emit(new RolloutEvent.MigrationFailed(rollout.qualifiedName(), service.name, service.migration.database(),
                    service.migration.command(), rollout.revision, track.deploymentId, service.preMigrationBackup,
                    track.reason, incident(rollout.id), at));
        }
    }

    void migrationApplied(Rollout rollout, ServiceRollout service, Instant at) {
        emit(new RolloutEvent.MigrationApplied(rollout.qualifiedName(), service.name, service.migration.database(),
                service.migration.command(), rollout.revision, service.forward.deploymentId, service.preMigrationBackup,
                at));
    }

    void degraded(Rollout rollout, ServiceRollout service, CheckResult failed, Instant at) {
        emit(new RolloutEvent.ServiceDegraded(rollout.qualifiedName(), service.name, rollout.revision, failed.check(),
                failed.status(), failed.reason(), incident(rollout.id), at));
    }

    void recovered(DesiredEnvironment environment, String service, String revision, Instant at) {
        append(environment.project(), environment.name(), at, "Normal", "ServiceRecovered",
                service + " passes its checks again", null);
        emit(new RolloutEvent.ServiceRecovered(environment.qualifiedName(), service, revision, at));
    }

    /** @param check the check that failed {@code failureThreshold} rounds in a row, null when the deployment crashed */
    void monitoredFailure(DesiredEnvironment environment, String service, String revision, String deploymentId,
            CheckResult check, String problem, Instant at) {
        append(environment.project(), environment.name(), at, "Warning", "ServiceDegraded", service + ": " + problem, null);
        emit(new RolloutEvent.ServiceDegraded(environment.qualifiedName(), service, revision,
                check == null ? null : check.check(), check == null ? 0 : check.status(), problem,
                "deployment-" + deploymentId, at));
    }

    void deploymentDrift(DesiredEnvironment environment, String service, String revision, String deploymentId,
            boolean healing, Instant at) {
        append(environment.project(), environment.name(), at, "Warning", "DeploymentDriftDetected", service + " runs "
                + deploymentId + ", a deployment Switchman did not make" + (healing
                        ? "; redeploying the desired revision" : "; reporting only (reportOnly)"), null);
        emit(new RolloutEvent.DeploymentDriftDetected(environment.qualifiedName(), service, revision, deploymentId,
                healing, at));
    }

    void rollbackRequested(Rollout rollout, ServiceRollout service, Duration sinceVerdict, Instant at) {
        Counter.builder("switchman_rollbacks_total").tag("how", service.redeployedSource ? "redeploy" : "rollback")
                .register(registry).increment();
        if (sinceVerdict != null) {
            Timer.builder("switchman_rollback_delay_seconds")
                    .description("from a failed verdict to the rollback request").register(registry).record(sinceVerdict);
        }
        String how = service.redeployedSource
                ? "the image is past Railway's retention, so the last good source was redeployed"
                : "rolled back with deploymentRollback";
        append(rollout, at, "Warning", "RollbackRequested", service.name + " -> " + service.rollbackTarget + ": " + how,
                serviceDetails(rollout, service));
    }

    void rolledBack(Rollout rollout, ServiceRollout service, Instant at) {
        append(rollout, at, "Normal", "RolledBack", service.name + " serves " + service.back.deploymentId
                + " (verified), rolled back to " + service.rollbackTarget, serviceDetails(rollout, service));
        emit(new RolloutEvent.RolledBack(rollout.qualifiedName(), service.name, rollout.revision, service.rollbackTarget,
                service.back.deploymentId, service.redeployedSource, service.forward.reason, incident(rollout.id), at));
        // the rolled-back deployment passed its checks: the degradation that led here is over
        emit(new RolloutEvent.ServiceRecovered(rollout.qualifiedName(), service.name, rollout.revision, at));
    }

    /** After the soak: a degraded service that is not rolled back, and why. */
    void rollbackNotDone(DesiredEnvironment environment, String service, String revision, String message, Instant at) {
        append(environment.project(), environment.name(), at, "Warning", "RollbackNotDone", service + ": " + message,
                JsonNodeFactory.instance.objectNode().put("service", service).put("revision", revision));
    }

    void rollbackProblem(Rollout rollout, ServiceRollout service, String message, Instant at) {
        append(rollout, at, "Warning", "RollbackNotDone", service.name + ": " + message, serviceDetails(rollout, service));
    }

    void quarantined(Rollout rollout, Instant at) {
        store.quarantine(new Quarantine(rollout.project, rollout.environment, rollout.revision, rollout.reason, at,
                rollout.migrationFailed, rollout.provenance));
        append(rollout, at, "Warning", "RevisionQuarantined", "revision " + rollout.revision + " is not applied again: "
                + rollout.reason, null);
        emit(new RolloutEvent.Quarantined(rollout.qualifiedName(), rollout.revision, rollout.reason,
                incident(rollout.id), at));
    }

    void lifted(String project, String environment, String revision, String by, Instant at) {
        append(project, environment, at, "Normal", "QuarantineLifted", "revision " + revision + " lifted " + by, null);
        emit(new RolloutEvent.QuarantineLifted(project + "/" + environment, revision, by, at));
    }

    void finished(Rollout rollout, Instant at) {
        progress(rollout, at);
        Counter.builder("switchman_rollouts_total").tag("result", label(rollout.state)).register(registry).increment();
        if (rollout.state == Rollout.State.SUCCEEDED) {
            Map<String, String> deployments = new LinkedHashMap<>();
            rollout.services.forEach(s -> deployments.put(s.name, s.forward.deploymentId));
            append(rollout, at, "Normal", "RolloutSucceeded", deployments.size() + " service(s) verified", null);
            emit(new RolloutEvent.RolloutSucceeded(rollout.qualifiedName(), rollout.revision, deployments,
                    incident(rollout.id), at));
        } else if (rollout.state == Rollout.State.SUPERSEDED) {
            append(rollout, at, "Normal", "RolloutSuperseded", rollout.reason, null);
        }
    }

    static String label(Rollout.State state) {
        return (switch (state) {
            case IN_PROGRESS -> RolloutState.IN_PROGRESS;
            case SUCCEEDED -> RolloutState.SUCCEEDED;
            case FAILED -> RolloutState.FAILED;
            case ROLLED_BACK -> RolloutState.ROLLED_BACK;
            case SUPERSEDED -> RolloutState.SUPERSEDED;
        }).label();
    }

    private static String verdict(Rollout rollout) {
        return switch (rollout.state) {
            case IN_PROGRESS -> rollout.failing ? "Failed" : null;
            case SUCCEEDED -> "Verified";
            case FAILED, ROLLED_BACK -> "Failed";
            case SUPERSEDED -> "Superseded";
        };
    }

    static ArrayNode services(Rollout rollout) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        rollout.services.forEach(s -> array.add(VerificationRounds.write(service(s), s)));
        return array;
    }

    private static ObjectNode service(ServiceRollout s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("service", s.name).put("serviceId", s.serviceId)
                .put("deploymentId", s.forward.deploymentId).put("status", s.forward.status)
                .put("stage", s.forward.stage.name()).put("reason", s.forward.reason).put("rollback", s.rollback);
        if (s.preMigrationBackup != null) {
            node.put(PRE_MIGRATION_BACKUP, s.preMigrationBackup);
        }
        if (s.rollbackTarget != null) {
            node.put("rollbackTarget", s.rollbackTarget).put("redeployedSource", s.redeployedSource);
        }
        if (s.back != null) {
            node.put("rollbackDeploymentId", s.back.deploymentId).put("rollbackStage", s.back.stage.name())
                    .put("rollbackReason", s.back.reason);
        }
        return node;
    }

    private ObjectNode serviceDetails(Rollout rollout, ServiceRollout service) {
        return service(service).put("revision", rollout.revision).put("rolloutId", rollout.id);
    }

    private void append(Rollout rollout, Instant at, String type, String reason, String message, ObjectNode details) {
        append(rollout.project, rollout.environment, at, type, reason, message, details);
    }

    private void append(String project, String environment, Instant at, String type, String reason, String message,
            ObjectNode details) {
        events.append(EnvironmentEvent.of(project, environment, at, type, reason, message,
                details == null ? null : details.toString()));
    }

    /** A newer fingerprint of the environment that changes nothing Railway runs: the rollout goes on under it. */
    void adopted(Rollout rollout, String previous, Instant at) {
        store.adopt(rollout.id, rollout.revision, rollout.provenance, at);
        append(rollout, at, "Normal", "RolloutContinues", "revision " + rollout.revision + " changes nothing Railway"
                + " runs; the rollout of " + previous + " goes on under it", null);
    }

    static String incident(long rolloutId) {
        return "rollout-" + rolloutId;
    }

    private void emit(RolloutEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            Logger.getLogger(RolloutRecorder.class).warnf(e, "a rollout listener failed on %s", event);
        }
    }
}
