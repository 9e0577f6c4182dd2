package dev.switchman.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.railway.RailwayApi;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RolloutRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RailwayApi railway;
    private final RolloutRecorder recorder;
    private final RolloutEngine engine;
    private final RolloutSettings settings;
    private final Supplier<Instant> clock;
    private final Map<String, Rollout> active = new ConcurrentHashMap<>();

    public Rollouts(RailwayApi railway, AppChecks checks, RolloutRepository store, EventRepository events,
            MeterRegistry registry, RolloutListener listener, RolloutSettings settings, Supplier<Instant> clock) {
        this.railway = railway;
        this.recorder = new RolloutRecorder(store, events, registry, listener);
        this.engine = new RolloutEngine(railway, checks, recorder, settings);
        this.settings = settings;
        this.clock = clock;
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
        Instant now = clock.get();
        long id = recorder.start(environment.project(), environment.name(), revision, deployments, now);
        active.put(environment.qualifiedName(), rollout(id, environment, environmentId, revision, deployments, now));
        return new RolloutGate.Wait(revision, settings.pollInterval(), "RolloutInProgress");
    }

    /** Lifts the environment's quarantine by hand; empty when nothing was quarantined. */
    public Optional<Quarantine> retry(String project, String environment, String by) {
        Optional<Quarantine> quarantine = recorder.store().quarantined(project, environment);
        quarantine.ifPresent(q -> {
            recorder.store().lift(project, environment);
            recorder.lifted(project, environment, q.revision(), by, clock.get());
        });
        return quarantine;
    }

    private static RolloutGate stop(Quarantine quarantine) {
        return new RolloutGate.Stop("RevisionQuarantined", "revision " + quarantine.revision() + " is quarantined: "
                + quarantine.reason() + "; a newer revision or `switchman retry --env` lifts it");
    }

    /** A rollout left in progress in the store (by a restart or another process), or null. */
    private Rollout stored(DesiredEnvironment environment, String environmentId) {
        List<RolloutRow> recent = recorder.store().recent(environment.project(), environment.name(), 1);
        if (recent.isEmpty() || !"InProgress".equals(recent.get(0).state())) {
            return null;
        }
        RolloutRow row = recent.get(0);
        Map<String, String> deployments = new java.util.LinkedHashMap<>();
        try {
            for (JsonNode service : JSON.readTree(row.servicesJson())) {
                deployments.put(service.path("service").asText(), service.path("deploymentId").asText());
            }
        } catch (IOException e) {
            return null;
        }
        return rollout(row.id(), environment, environmentId, row.revision(), deployments, clock.get());
    }

    private static Rollout rollout(long id, DesiredEnvironment environment, String environmentId, String revision,
            Map<String, String> deployments, Instant now) {
        List<ServiceRollout> services = new ArrayList<>();
        for (String name : ServiceOrder.dependenciesFirst(environment.services())) {
            String deployment = deployments.get(name);
            if (deployment != null) {
                ServiceSpec spec = environment.services().get(name);
                services.add(new ServiceRollout(name, deployment, spec.verify(), spec.dependsOn()));
            }
        }
        deployments.keySet().stream().filter(name -> !environment.services().containsKey(name))
                .forEach(name -> services.add(new ServiceRollout(name, deployments.get(name), null, List.of())));
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        return new Rollout(id, environment.project(), environment.name(), environmentId, revision, policy.rollback(),
                services, now);
    }
}
