package dev.switchman.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.EnvironmentSchedule;
import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.store.EnvironmentControl;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.EventRepository;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.ReconcileRun;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the status API's views from the desired state, what the reconciler stored, and the loop. */
@ApplicationScoped
public class EnvironmentViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EnvironmentStatusRepository statuses;
    private final RunRepository runs;
    private final EventRepository events;
    private final EnvironmentControlRepository controls;
    private final ReconcileLoop loop;
    private final RolloutRepository rollouts;
    private final HoldRepository holds;

    public EnvironmentViews(EnvironmentStatusRepository statuses, RunRepository runs, EventRepository events,
            EnvironmentControlRepository controls, ReconcileLoop loop, RolloutRepository rollouts,
            HoldRepository holds) {
        this.rollouts = rollouts;
        this.holds = holds;
        this.statuses = statuses;
        this.runs = runs;
        this.events = events;
        this.controls = controls;
        this.loop = loop;
    }

    public List<EnvironmentSummary> summaries(DesiredState state) {
        Map<String, EnvironmentStatus> byName = statuses.list().stream()
                .collect(Collectors.toMap(s -> s.project() + "/" + s.environment(), Function.identity()));
        Map<String, EnvironmentControl> controlByName = controls.list().stream()
                .collect(Collectors.toMap(EnvironmentControl::qualifiedName, Function.identity()));
        return state.environments().stream().map(e -> {
            Optional<EnvironmentStatus> status = Optional.ofNullable(byName.get(e.qualifiedName()));
            Map<String, String> conditions = new LinkedHashMap<>();
            status.ifPresent(s -> s.conditions().forEach(c -> conditions.put(c.type(), c.status())));
            return new EnvironmentSummary(e.project(), e.name(), state.fingerprint(e), state.revision(),
                    e.services().size(), conditions,
                    status.map(EnvironmentStatus::revision).orElse(null), lastRun(e),
                    suspendedBy(e, controlByName.get(e.qualifiedName())) != null);
        }).toList();
    }

    public EnvironmentDetail detail(DesiredState state, DesiredEnvironment environment) {
        Optional<EnvironmentStatus> status = statuses.find(environment.project(), environment.name());
        String suspendedBy = suspendedBy(environment,
                controls.find(environment.project(), environment.name()).orElse(null));
        return new EnvironmentDetail(environment.project(), environment.name(), state.fingerprint(environment),
                state.revision(), status.map(EnvironmentStatus::revision).orElse(null),
                status.map(EnvironmentStatus::lastAppliedRevision).orElse(null),
                status.map(s -> s.conditions().stream().map(ConditionView::of).toList()).orElse(List.of()), lastRun(environment),
                status.map(EnvironmentStatus::drift).orElse(List.of()),
                status.map(EnvironmentStatus::pendingChanges).orElse(0), suspendedBy != null, suspendedBy,
                loop.schedule(environment.qualifiedName()).map(EnvironmentViews::schedule).orElse(null),
                status.map(EnvironmentStatus::updatedAt).orElse(null),
                rollouts(environment, 1).stream().findFirst().orElse(null),
                rollouts.quarantined(environment.project(), environment.name())
                        .map(q -> new QuarantineView(q.revision(), q.provenance(), q.reason(), q.at())).orElse(null),
                holds.held(environment.project(), environment.name()).stream()
                        .map(h -> new HoldView(h.service(), h.deploymentId(), h.image(), h.commitSha(), h.revision(),
                                h.reason(), h.at())).toList(),
                status.map(EnvironmentStatus::undeployed).orElse(Map.of()),
                status.map(EnvironmentStatus::diagnostics).orElse(List.of()));
    }

    private List<RolloutView> rollouts(DesiredEnvironment environment, int limit) {
        return rollouts.recent(environment.project(), environment.name(), limit).stream()
                .map(r -> new RolloutView(r.id(), r.revision(), r.provenance(), r.state(), r.verdict(), r.reason(),
                        tree(r.servicesJson()), r.owner(), r.startedAt(), r.updatedAt())).toList();
    }

    public EnvironmentHistory history(DesiredEnvironment environment, int limit) {
        return new EnvironmentHistory(environment.project(), environment.name(),
                runs.recent(environment.project(), environment.name(), limit).stream()
                        .map(EnvironmentViews::run).toList(),
                events.recent(environment.project(), environment.name(), limit).stream()
                        .map(EnvironmentViews::event).toList(),
                rollouts(environment, limit));
    }

    private RunView lastRun(DesiredEnvironment environment) {
        return runs.recent(environment.project(), environment.name(), 1).stream()
                .map(EnvironmentViews::run).findFirst().orElse(null);
    }

    private static String suspendedBy(DesiredEnvironment environment, EnvironmentControl control) {
        if (control != null && control.suspended()) {
            return "api";
        }
        return environment.policy().suspend() ? "policy" : null;
    }

    private static RunView run(ReconcileRun run) {
        return new RunView(run.id(), run.revision(), run.provenance(), run.trigger(), run.startedAt(), run.finishedAt(), run.result(),
                run.error(), tree(run.summaryJson()));
    }

    private static EventView event(EnvironmentEvent event) {
        return new EventView(event.id(), event.time(), event.type(), event.reason(), event.message(),
                tree(event.detailsJson()));
    }

    private static ScheduleView schedule(EnvironmentSchedule schedule) {
        return new ScheduleView(schedule.state().name(), schedule.nextRunAt(), schedule.notBefore(),
                schedule.consecutiveFailures(), schedule.backoff().toMillis() / 1000.0, schedule.lastTrigger(),
                schedule.lastResult(), schedule.lastReason(), schedule.runningSince(),
                schedule.declaredInterval().toMillis() / 1000.0, schedule.interval().toMillis() / 1000.0);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
