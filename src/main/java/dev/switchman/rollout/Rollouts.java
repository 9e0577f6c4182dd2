package dev.switchman.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.railway.RailwayApi;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RolloutRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The reconciler's view of rollouts: {@link #before} holds a quarantined revision back and moves a
 * rollout under way one step; {@link #started} begins following the deployments a run started. A
 * rollout in progress is kept in memory and in the store, so one recorded by another process (a
 * {@code switchman retry}) or before a restart is picked up again (its checks start over).
 */
public final class Rollouts {

    private final RailwayApi railway;
    private final RolloutRecorder recorder;
    private final RolloutEngine engine;
    private final Rollbacks rollbacks;
    private final Monitor monitor;
    private final RolloutSettings settings;
    private final Supplier<Instant> clock;
    private final Map<String, Rollout> active = new ConcurrentHashMap<>();

    public Rollouts(RailwayApi railway, AppChecks checks, RolloutRepository store, EventRepository events,
            MeterRegistry registry, RolloutListener listener, RolloutSettings settings, Supplier<Instant> clock) {
        this.railway = railway;
        this.recorder = new RolloutRecorder(store, events, registry, listener);
        this.rollbacks = new Rollbacks(railway, recorder);
        this.engine = new RolloutEngine(railway, checks, recorder, rollbacks, settings);
        this.settings = settings;
        this.clock = clock;
        this.monitor = new Monitor(recorder, checks, settings);
    }

    public RolloutGate before(DesiredEnvironment environment, String environmentId, String revision) {
        Instant now = clock.get();
        Optional<Quarantine> quarantine = recorder.store().quarantined(environment.project(), environment.name());
        if (quarantine.isPresent()) {
            if (Objects.equals(quarantine.get().revision(), revision)) {
                return stop(quarantine.get());
            }
            recorder.store().lift(environment.project(), environment.name());
            recorder.lifted(environment.project(), environment.name(), quarantine.get().revision(),
                    "by the newer revision " + revision, now);
        }
        Rollout rollout = active.computeIfAbsent(environment.qualifiedName(), key -> stored(environment, environmentId));
        if (rollout == null) {
            active.remove(environment.qualifiedName());
            return new RolloutGate.Proceed();
        }
        if (!Objects.equals(rollout.revision, revision)) {
            rollout.state = Rollout.State.SUPERSEDED;
            recorder.finished(rollout, now);
            active.remove(environment.qualifiedName());
            return new RolloutGate.Proceed();
        }
        engine.advance(rollout, now);
        if (rollout.state == Rollout.State.IN_PROGRESS) {
            return new RolloutGate.Wait(revision, settings.pollInterval(), rollout.failing ? "RollingBack" : "RolloutInProgress");
        }
        active.remove(environment.qualifiedName());
        return rollout.state == Rollout.State.SUCCEEDED ? new RolloutGate.Proceed()
                : stop(recorder.store().quarantined(environment.project(), environment.name()).orElseThrow());
    }

    /** Begins following {@code deployments} (service name -> deployment id) of {@code revision}. */
    public RolloutGate started(DesiredEnvironment environment, String environmentId, String revision,
            Map<String, String> deployments) {
        return started(environment, environmentId, revision, deployments, Map.of());
    }

    /**
     * As above; {@code backups} (service -> backup) names the verified pre-migration backup taken before
     * a service that runs a migration command was deployed, for the message if that migration fails.
     */
    public RolloutGate started(DesiredEnvironment environment, String environmentId, String revision,
            Map<String, String> deployments, Map<String, String> backups) {
        Instant now = clock.get();
        long id = recorder.start(environment.project(), environment.name(), revision, deployments, backups, now);
        active.put(environment.qualifiedName(),
                RolloutRows.rollout(id, environment, environmentId, revision, deployments, backups, now));
        return new RolloutGate.Wait(revision, settings.pollInterval(), "RolloutInProgress");
    }

    /**
     * Lifts the environment's quarantine by hand and deploys the services of the rollout that failed
     * again, recording a new rollout the daemon follows; empty when nothing was quarantined.
     */
    public Optional<Quarantine> retry(DesiredEnvironment environment, String environmentId, String by) {
        Optional<Quarantine> quarantine = recorder.store().quarantined(environment.project(), environment.name());
        if (quarantine.isEmpty()) {
            return quarantine;
        }
        Instant now = clock.get();
        recorder.store().lift(environment.project(), environment.name());
        recorder.lifted(environment.project(), environment.name(), quarantine.get().revision(), by, now);
        List<RolloutRow> last = recorder.store().recent(environment.project(), environment.name(), 1);
        Map<String, String> deployments = new java.util.LinkedHashMap<>();
        // The backups taken before the failed attempt are still the last ones before its migrations.
        Map<String, String> backups = last.isEmpty() ? Map.of()
                : RolloutRows.field(last.get(0), RolloutRecorder.PRE_MIGRATION_BACKUP);
        if (!last.isEmpty()) {
            RolloutRows.field(last.get(0), "serviceId").forEach((service, serviceId) ->
                    deployments.put(service, railway.deploy(serviceId, environmentId, null)));
        }
        if (!deployments.isEmpty()) {
            recorder.start(environment.project(), environment.name(), quarantine.get().revision(), deployments,
                    backups, now);
        }
        return quarantine;
    }

    /**
     * {@code switchman rollback}: rolls {@code service} back to {@code to} (or its last-known-good
     * deployment), follows the new deployment through its checks, calling {@code pause} between two
     * polls, and quarantines the revision it replaced. Returns the recorded rollout.
     *
     * @throws IllegalArgumentException when the service or a deployment to go back to is not found
     */
    public RolloutRow rollback(DesiredEnvironment environment, String environmentId, String revision, String service,
            String to, String by, Runnable pause) {
        Instant now = clock.get();
        var observed = dev.switchman.observed.RailwayEnvironmentParser.parse(railway.environmentState(environmentId))
                .services().get(service);
        if (observed == null || observed.latestDeployment() == null) {
            throw new IllegalArgumentException("service " + service + " has no deployment in " + environment.qualifiedName());
        }
        String current = observed.latestDeployment().id();
        String target = to != null ? to : recorder.store().lastGood(environment.project(), environment.name(), service,
                current).orElseThrow(() -> new IllegalArgumentException("no last-known-good deployment of " + service
                        + " to roll back to; name one with --to"));
        Rollout rollout = rollBack(environment, environmentId, revision, service, observed.serviceId(), current, target,
                "rolled back by hand (" + by + ")", now);
        while (rollout.state == Rollout.State.IN_PROGRESS) {
            pause.run();
            engine.advance(rollout, clock.get());
        }
        return recorder.store().recent(environment.project(), environment.name(), 1).get(0);
    }

    /** A rollout whose only step is taking {@code service} from {@code current} back to {@code target}. */
    private Rollout rollBack(DesiredEnvironment environment, String environmentId, String revision, String service,
            String serviceId, String current, String target, String reason, Instant now) {
        long id = recorder.start(environment.project(), environment.name(), revision, Map.of(service, current), now);
        Rollout rollout = RolloutRows.rollout(id, environment, environmentId, revision, Map.of(service, current),
                Map.of(), now);
        ServiceRollout rolled = rollout.services.get(0);
        rolled.serviceId = serviceId;
        rollout.failing = true;
        rollout.failedAt = now;
        rollout.reason = reason;
        rolled.forward.ran = true;
        rolled.forward.fail(reason, now);
        rollbacks.requestTo(rollout, rolled, target, now);
        return rollout;
    }

    /**
     * After the soak: looks at the environment state the run has just read for crashed or degraded
     * services and deployments Switchman did not make, and acts as the policy says.
     */
    public RolloutGate monitor(DesiredEnvironment environment, String environmentId, String revision,
            JsonNode environmentState) {
        Instant now = clock.get();
        var observed = dev.switchman.observed.RailwayEnvironmentParser.parse(environmentState);
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        for (Monitor.Finding finding : monitor.look(environment, observed, revision,
                serviceId -> settings.domainBaseUrl() + ServiceDomains.of(environmentState, serviceId), now)) {
            if (finding.drift()) {
                boolean heal = policy.drift() == Policy.DriftMode.SELF_HEAL;
                recorder.deploymentDrift(environment, finding.service(), revision, finding.deploymentId(), heal, now);
                if (heal) {
                    monitor.reset(environment);
                    return started(environment, environmentId, revision,
                            Map.of(finding.service(), railway.deploy(finding.serviceId(), environmentId, null)));
                }
                continue;
            }
            if (policy.rollback() != Policy.RollbackMode.AUTOMATIC) {
                continue;
            }
            String target = recorder.store().lastGood(environment.project(), environment.name(), finding.service(),
                    finding.deploymentId()).orElse(null);
            if (target != null) {
                monitor.reset(environment);
                active.put(environment.qualifiedName(), rollBack(environment, environmentId, revision, finding.service(),
                        finding.serviceId(), finding.deploymentId(), target, finding.reason(), now));
                return new RolloutGate.Wait(revision, settings.pollInterval(), "RollingBack");
            }
        }
        return new RolloutGate.Proceed();
    }

    private static RolloutGate stop(Quarantine quarantine) {
        return new RolloutGate.Stop(quarantine.migrationFailed() ? "MigrationFailed" : "RevisionQuarantined",
                "revision " + quarantine.revision() + " is quarantined: " + quarantine.reason()
                        + "; a newer revision or `switchman retry --env` lifts it");
    }

    /** A rollout left in progress in the store (by a restart or another process), or null. */
    private Rollout stored(DesiredEnvironment environment, String environmentId) {
        List<RolloutRow> recent = recorder.store().recent(environment.project(), environment.name(), 1);
        if (recent.isEmpty() || !"InProgress".equals(recent.get(0).state())) {
            return null;
        }
        RolloutRow row = recent.get(0);
        return RolloutRows.rollout(row.id(), environment, environmentId, row.revision(),
                RolloutRows.field(row, "deploymentId"), RolloutRows.field(row, RolloutRecorder.PRE_MIGRATION_BACKUP),
                clock.get());
    }
}
