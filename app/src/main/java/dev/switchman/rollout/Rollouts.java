package dev.switchman.rollout;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.RailwayApi;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Hold;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RolloutRow;
import dev.switchman.store.RolloutState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The reconciler's view of rollouts, each step on the one environment read of its run:
 * {@link #quarantine} says whether the environment's fingerprint is quarantined (lifting the quarantine
 * and the holds of an older one), {@link #follow} moves a rollout under way one step, {@link #started}
 * begins following the deployments a run started and {@link #monitor} watches verified services after the
 * soak. A rollout in progress is kept in memory and in the store: one recorded by another process (a
 * {@code switchman retry}, or a {@code switchman rollback} whose command stopped) or before a restart is
 * picked up again (its checks start over); one a command is still following by hand is left to it.
 */
public final class Rollouts implements RolloutControl {

    /** A command following its rollback by hand is alive while its row moved this recently. */
    private static final Duration COMMAND_ALIVE = Duration.ofMinutes(1);

    /** The quarantine in force for the environment's fingerprint, and services a lifted one released. */
    public record QuarantineCheck(Optional<Quarantine> inForce, List<String> released) {
    }

    private final RailwayApi railway;
    private final RolloutRecorder recorder;
    private final RolloutEngine engine;
    private final Rollbacks rollbacks;
    private final Holds holds;
    private final Monitor monitor;
    private final RolloutSettings settings;
    private final Supplier<Instant> clock;
    private final Map<String, Rollout> active = new ConcurrentHashMap<>();

    public Rollouts(RailwayApi railway, AppChecks checks, RolloutRepository store, HoldRepository holdStore,
            EventRepository events, MeterRegistry registry, RolloutListener listener, RolloutSettings settings,
            Supplier<Instant> clock) {
        this.railway = railway;
        this.recorder = new RolloutRecorder(store, events, registry, listener);
        this.holds = new Holds(railway, holdStore, events);
        this.rollbacks = new Rollbacks(railway, recorder, holds, clock);
        this.engine = new RolloutEngine(railway, checks, recorder, rollbacks, settings);
        this.settings = settings;
        this.clock = clock;
        this.monitor = new Monitor(recorder, checks, settings);
    }

    public Holds holds() {
        return holds;
    }

    @Override
    public List<Hold> held(DesiredEnvironment environment) {
        return holds.held(environment);
    }

    /**
     * The quarantine of {@code fingerprint}, if any. A quarantine of another fingerprint is lifted (a newer
     * revision of the environment is always worth trying) and the services it held are released.
     */
    @Override
    public QuarantineCheck quarantine(DesiredEnvironment environment, String environmentId, String fingerprint,
            ObservedEnvironment observed) {
        Optional<Quarantine> quarantine = recorder.store().quarantined(environment.project(), environment.name());
        if (quarantine.isPresent() && Objects.equals(quarantine.get().revision(), fingerprint)) {
            return new QuarantineCheck(quarantine, List.of());
        }
        Instant now = clock.get();
        if (quarantine.isPresent()) {
            recorder.store().lift(environment.project(), environment.name());
            recorder.lifted(environment.project(), environment.name(), quarantine.get().revision(),
                    "by the newer revision " + fingerprint, now);
        }
        List<String> released = holds.release(environment, environmentId, serviceIds(observed), fingerprint,
                "the newer revision " + fingerprint, now);
        return new QuarantineCheck(Optional.empty(), released);
    }

    /**
     * Moves the environment's rollout one step, if one is under way. A newer fingerprint pre-empts it only when
     * it changes what Railway runs ({@code changesRailway}); otherwise the rollout goes on under the newer one.
     * A rollout another process recorded after ours takes over from it; one a command still follows by hand is
     * waited for, never judged.
     */
    @Override
    public RolloutGate follow(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, ObservedEnvironment observed, boolean changesRailway) {
        Instant now = clock.get();
        String name = environment.qualifiedName();
        Optional<RolloutRow> newest = recorder.store().recent(environment.project(), environment.name(), 1).stream()
                .findFirst();
        Rollout rollout = active.get(name);
        if (rollout != null && newest.isPresent() && newest.get().id() != rollout.id) {
            supersede(rollout, "a newer rollout (" + newest.get().id() + ") took over: "
                    + Optional.ofNullable(newest.get().owner()).orElse("switchman retry"), now);
            rollout = null;
        }
        if (rollout == null && newest.isPresent() && newest.get().is(RolloutState.IN_PROGRESS)) {
            RolloutRow row = newest.get();
            if (row.ownedByCommand() && row.updatedAt().plus(COMMAND_ALIVE).isAfter(now)) {
                return new RolloutGate.Wait(row.revision(), settings.pollInterval(), "ManualRollbackInProgress");
            }
            if (row.ownedByCommand()) {
                recorder.store().takeOver(row.id(), now);
            }
            rollout = RolloutRows.of(row, environment, environmentId, now);
            active.put(name, rollout);
        }
        if (rollout == null) {
            return new RolloutGate.Proceed();
        }
        if (!Objects.equals(rollout.revision, fingerprint)) {
            if (changesRailway) {
                supersede(rollout, "the newer revision " + fingerprint + " pre-empted the rollout of "
                        + rollout.revision, now);
                return new RolloutGate.Proceed();
            }
            String previous = rollout.revision;
            rollout.revision = fingerprint;
            rollout.provenance = provenance;
            recorder.adopted(rollout, previous, now);
        }
        return advance(rollout, observed, now);
    }

    /** Begins following {@code deployments} (service name -> deployment id) of {@code fingerprint}. */
    public RolloutGate started(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, Map<String, String> deployments) {
        return started(environment, environmentId, fingerprint, provenance, deployments, Map.of());
    }

    /**
     * As above; {@code backups} (service -> backup) names the verified pre-migration backup taken before
     * a service that runs a migration command was deployed, for the message if that migration fails.
     */
    @Override
    public RolloutGate started(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, Map<String, String> deployments, Map<String, String> backups) {
        Instant now = clock.get();
        Rollout previous = active.remove(environment.qualifiedName());
        if (previous != null) {
            supersede(previous, "the deployments of revision " + fingerprint + " replaced it", now);
        }
        monitor.reset(environment);
        long id = recorder.start(environment.project(), environment.name(), fingerprint, provenance, deployments,
                backups, null, now);
        active.put(environment.qualifiedName(), RolloutRows.rollout(id, environment, environmentId, fingerprint,
                provenance, deployments, backups, now));
        return new RolloutGate.Wait(fingerprint, settings.pollInterval(), "RolloutInProgress");
    }

    /**
     * After the soak, on the environment read the run made: crashed or degraded services and deployments
     * Switchman did not make are reported and acted on as the policy says.
     */
    @Override
    public RolloutGate monitor(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, ObservedEnvironment observed) {
        Instant now = clock.get();
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        for (Monitor.Finding finding : monitor.look(environment, observed, fingerprint, now)) {
            if (finding.drift()) {
                boolean heal = policy.drift() == Policy.DriftMode.SELF_HEAL;
                recorder.deploymentDrift(environment, finding.service(), fingerprint, finding.deploymentId(), heal, now);
                if (heal) {
                    return started(environment, environmentId, fingerprint, provenance,
                            Map.of(finding.service(), railway.deploy(finding.serviceId(), environmentId, null)));
                }
                continue;
            }
            String target = recorder.store().lastGood(environment.project(), environment.name(), finding.service(),
                    finding.deploymentId()).orElse(null);
            if (policy.rollback() != Policy.RollbackMode.AUTOMATIC || target == null) {
                recorder.rollbackNotDone(environment, finding.service(), fingerprint, target == null
                        ? "no other verified deployment to roll back to"
                        : "rollback policy is " + policy.rollback() + ": the degraded deployment keeps serving until"
                                + " someone acts", now);
                continue;
            }
            monitor.reset(environment);
            Rollout rollout = rollBack(environment, environmentId, fingerprint, provenance, finding.service(),
                    finding.serviceId(), finding.deploymentId(), target, finding.reason(), null,
                    observed.unmergedChangesCount() > 0, now);
            active.put(environment.qualifiedName(), rollout);
            return new RolloutGate.Wait(fingerprint, settings.pollInterval(), "RollingBack");
        }
        return new RolloutGate.Proceed();
    }

    /**
     * Lifts the environment's quarantine by hand, releases its held services (their desired source is named in
     * Railway's settings again) and deploys the services of the rollout that failed again, recording a new
     * rollout the daemon follows; empty when nothing was quarantined.
     */
    public Optional<Quarantine> retry(DesiredEnvironment environment, String environmentId, String by) {
        Optional<Quarantine> quarantine = recorder.store().quarantined(environment.project(), environment.name());
        if (quarantine.isEmpty()) {
            return quarantine;
        }
        Instant now = clock.get();
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(
                railway.environmentState(environmentId));
        recorder.store().lift(environment.project(), environment.name());
        recorder.lifted(environment.project(), environment.name(), quarantine.get().revision(), by, now);
        holds.release(environment, environmentId, serviceIds(observed), by, now);
        List<RolloutRow> last = recorder.store().recent(environment.project(), environment.name(), 1);
        Map<String, String> deployments = new LinkedHashMap<>();
        // The backups taken before the failed attempt are still the last ones before its migrations.
        Map<String, String> backups = last.isEmpty() ? Map.of()
                : RolloutRows.field(last.get(0), RolloutRecorder.PRE_MIGRATION_BACKUP);
        if (!last.isEmpty()) {
            RolloutRows.field(last.get(0), "serviceId").forEach((service, serviceId) ->
                    deployments.put(service, railway.deploy(serviceId, environmentId, null)));
        }
        if (!deployments.isEmpty()) {
            recorder.start(environment.project(), environment.name(), quarantine.get().revision(),
                    quarantine.get().provenance(), deployments, backups, null, now);
        }
        return quarantine;
    }

    /**
     * {@code switchman rollback}: rolls {@code service} back to {@code to} (or its last-known-good
     * deployment), follows the new deployment through its checks, calling {@code pause} between two
     * polls, holds the service there and quarantines the revision it replaced. The rollout is recorded as
     * owned by {@code by} before Railway is asked, so that a running daemon leaves it alone. Returns the
     * recorded rollout.
     *
     * @throws IllegalArgumentException when the service or a deployment to go back to is not found
     */
    public RolloutRow rollback(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, String service, String to, String by, Runnable pause) {
        Instant now = clock.get();
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(
                railway.environmentState(environmentId));
        ObservedService seen = observed.services().get(service);
        if (seen == null || seen.latestDeployment() == null) {
            throw new IllegalArgumentException("service " + service + " has no deployment in "
                    + environment.qualifiedName());
        }
        String current = seen.latestDeployment().id();
        String target = to != null ? to : recorder.store().lastGood(environment.project(), environment.name(), service,
                current).orElseThrow(() -> new IllegalArgumentException("no last-known-good deployment of " + service
                        + " to roll back to; name one with --to"));
        Rollout rollout = rollBack(environment, environmentId, fingerprint, provenance, service, seen.serviceId(),
                current, target, "rolled back by hand (" + by + ")", by, observed.unmergedChangesCount() > 0, now);
        while (rollout.state == Rollout.State.IN_PROGRESS) {
            pause.run();
            ObservedEnvironment fresh = RailwayEnvironmentParser.parse(
                    railway.environmentState(environmentId));
            engine.advance(rollout, fresh, clock.get());
        }
        return recorder.store().recent(environment.project(), environment.name(), 1).get(0);
    }

    private RolloutGate advance(Rollout rollout, ObservedEnvironment observed, Instant now) {
        engine.advance(rollout, observed, now);
        if (rollout.state == Rollout.State.IN_PROGRESS) {
            return new RolloutGate.Wait(rollout.revision, engine.nextLook(rollout, clock.get()),
                    rollout.failing ? "RollingBack" : "RolloutInProgress");
        }
        active.remove(rollout.qualifiedName());
        return rollout.state == Rollout.State.SUCCEEDED ? new RolloutGate.Proceed()
                : stop(recorder.store().quarantined(rollout.project, rollout.environment).orElseThrow());
    }

    /** A rollout whose only step is taking {@code service} from {@code current} back to {@code target}. */
    private Rollout rollBack(DesiredEnvironment environment, String environmentId, String fingerprint,
            String provenance, String service, String serviceId, String current, String target, String reason,
            String owner, boolean othersStaged, Instant now) {
        long id = recorder.start(environment.project(), environment.name(), fingerprint, provenance,
                Map.of(service, current), Map.of(), owner, now);
        Rollout rollout = RolloutRows.rollout(id, environment, environmentId, fingerprint, provenance,
                Map.of(service, current), Map.of(), now);
        ServiceRollout rolled = rollout.services.get(0);
        rolled.serviceId = serviceId;
        rollout.failing = true;
        rollout.failedAt = now;
        rollout.reason = reason;
        rolled.forward.ran = true;
        rolled.forward.fail(reason, now);
        rollbacks.requestTo(rollout, rolled, target, othersStaged, now);
        return rollout;
    }

    private void supersede(Rollout rollout, String why, Instant now) {
        rollout.state = Rollout.State.SUPERSEDED;
        rollout.reason = why;
        recorder.finished(rollout, now);
        active.remove(rollout.qualifiedName(), rollout);
    }

    /** The Stop a quarantine imposes: why, and how to lift it. */
    public static RolloutGate.Stop stop(Quarantine quarantine) {
        return new RolloutGate.Stop(quarantine.migrationFailed() ? "MigrationFailed" : "RevisionQuarantined",
                "revision " + quarantine.revision() + (quarantine.provenance() == null ? ""
                        : " (from " + quarantine.provenance() + ")") + " is quarantined: " + quarantine.reason()
                        + "; a newer revision or `switchman retry --env` lifts it");
    }

    private static Map<String, String> serviceIds(ObservedEnvironment observed) {
        Map<String, String> ids = new LinkedHashMap<>();
        observed.services().forEach((name, service) -> ids.put(name, service.serviceId()));
        return ids;
    }
}
