package dev.switchman.plan;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.desired.VariableValue;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVariable;
import dev.switchman.settings.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one environment: a pure, deterministic function of the desired environment, what Railway
 * reports, what Switchman applied last time and the secrets it can resolve.
 *
 * <p>Order: shared variables, then each service in dependency order (create or settings, then
 * variables, then volume), then every delete in reverse dependency order, services last. Nothing
 * is deleted unless {@code policy.prune} is on and Switchman applied it before (a service must be in
 * the inventory), and never when the desired environment declares nothing at all.
 */
public final class Planner {

    private final DesiredEnvironment desired;
    private final ObservedEnvironment observed;
    private final LastApplied lastApplied;
    private final Secrets secrets;
    private final boolean declaresNothing;
    private final boolean prune;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, List<Change>> variableDeletes = new HashMap<>();
    private final List<PlanNote> notes = new ArrayList<>();
    private final List<PlanNote> blockers = new ArrayList<>();

    private Planner(DesiredEnvironment desired, ObservedEnvironment observed, LastApplied lastApplied,
            Secrets secrets) {
        this.desired = desired;
        this.observed = observed;
        this.lastApplied = lastApplied;
        this.secrets = secrets;
        this.declaresNothing = desired.services().isEmpty() && desired.sharedVariables().isEmpty();
        Policy policy = desired.policy() == null ? Policy.DEFAULT : desired.policy();
        this.prune = policy.prune() && !declaresNothing;
    }

    /** Plans without a known desired-state revision. */
    public static Plan plan(DesiredEnvironment desired, ObservedEnvironment observed, LastApplied lastApplied,
            Secrets secrets) {
        return plan(null, desired, observed, lastApplied, secrets);
    }

    /** @param revision the desired-state revision (git commit or content hash), recorded in the plan */
    public static Plan plan(String revision, DesiredEnvironment desired, ObservedEnvironment observed,
            LastApplied lastApplied, Secrets secrets) {
        return new Planner(desired, observed, lastApplied, secrets).run(revision);
    }

    private Plan run(String revision) {
        if (declaresNothing) {
            notes.add(new PlanNote("environment",
                    "the desired environment declares no services and no shared variables; nothing is deleted"));
        }
        if (observed.unmergedChangesCount() > 0) {
            notes.add(new PlanNote("environment", observed.unmergedChangesCount()
                    + " staged change(s) on Railway that Switchman did not make are left alone"));
        }
        DependencyOrder.Result order = DependencyOrder.of(desired.services());
        if (!order.cyclic().isEmpty()) {
            notes.add(new PlanNote("environment", "dependency cycle among " + String.join(", ", order.cyclic())
                    + "; they are applied in declaration order"));
        }
        VariableDiff shared = variables(VariableScope.SHARED, desired.sharedVariables(), observed.sharedVariables());
        changes.addAll(shared.sets);
        for (String name : order.order()) {
            planService(desired.services().get(name), observed.services().get(name));
        }
        for (String name : order.order().reversed()) {
            changes.addAll(variableDeletes.getOrDefault(name, List.of()));
        }
        changes.addAll(shared.deletes);
        planServiceDeletes();
        return new Plan(desired.project(), desired.name(), observed.id(), revision, observed.configEtag(),
                changes, redeploys(changes, desired, order.order()), notes, blockers);
    }

    private void planService(ServiceSpec spec, ObservedService current) {
        String name = spec.name();
        if (current == null) {
            VariableDiff created = new VariableDiff(VariableScope.service(name), spec.variables(), Map.of(),
                    Map.of(), secrets, false, "");
            blockers.addAll(created.blockers);
            Map<String, PlannedValue> variables = new LinkedHashMap<>();
            created.sets.forEach(c -> variables.put(((Change.VariableSet) c).name(), ((Change.VariableSet) c).after()));
            Map<String, Object> settings = new LinkedHashMap<>(spec.settings().byPath());
            settings.keySet().removeIf(path -> Setting.byPath(path).orElseThrow().isVolume());
            changes.add(new Change.ServiceCreate(name, settings, variables));
            new ServiceDiff(spec, null, lastApplied.managedSettings(name), changes, notes).volume();
            return;
        }
        new ServiceDiff(spec, current, lastApplied.managedSettings(name), changes, notes).settings();
        VariableDiff diff = variables(VariableScope.service(name), spec.variables(), current.variables());
        changes.addAll(diff.sets);
        variableDeletes.put(name, diff.deletes);
        new ServiceDiff(spec, current, lastApplied.managedSettings(name), changes, notes).volume();
    }

    private VariableDiff variables(VariableScope scope, Map<String, VariableValue> declared,
            Map<String, ObservedVariable> current) {
        VariableDiff diff = new VariableDiff(scope, declared, current, lastApplied.fingerprints(scope), secrets,
                prune, declaresNothing ? "the desired environment declares nothing" : "prune is off");
        notes.addAll(diff.notes);
        blockers.addAll(diff.blockers);
        return diff;
    }

    private void planServiceDeletes() {
        List<ObservedService> undeclared = observed.services().values().stream()
                .filter(s -> !desired.services().containsKey(s.name()))
                .toList();
        for (ObservedService service : undeclared.reversed()) {
            String address = "service." + service.name();
            if (!lastApplied.inventory().contains(service.name())) {
                notes.add(new PlanNote(address, "exists on Railway but is not declared; Switchman leaves it alone"));
            } else if (prune) {
                changes.add(new Change.ServiceDelete(service.name(), service.serviceId()));
            } else {
                notes.add(new PlanNote(address, "created by Switchman and no longer declared; kept because "
                        + (declaresNothing ? "the desired environment declares nothing" : "prune is off")));
            }
        }
    }

    /**
     * {@code plan} without the changes at {@code addresses} (drift that is only reported), its redeploys
     * worked out again from the changes left.
     */
    public static Plan without(Plan plan, Set<String> addresses, DesiredEnvironment desired) {
        if (addresses.isEmpty()) {
            return plan;
        }
        List<Change> kept = plan.changes().stream().filter(c -> !addresses.contains(c.address())).toList();
        return new Plan(plan.project(), plan.environment(), plan.environmentId(), plan.revision(),
                plan.baseConfigEtag(), kept, redeploys(kept, desired, DependencyOrder.of(desired.services()).order()),
                plan.notes(), plan.blockers());
    }

    /** Created services and services with a change that needs a deploy, in dependency order. */
    private static List<String> redeploys(List<Change> changes, DesiredEnvironment desired, List<String> order) {
        Set<String> affected = new LinkedHashSet<>();
        for (Change change : changes) {
            boolean deploys = change.effect() == Change.Effect.REDEPLOY || change instanceof Change.VariableDelete;
            if (!deploys || change instanceof Change.ServiceDelete) {
                continue;
            }
            if (change.service() != null) {
                affected.add(change.service());
            } else if (change instanceof Change.VariableSet || change instanceof Change.VariableDelete) {
                affected.addAll(referencing(desired, change.address().substring("shared.".length())));
            }
        }
        return order.stream().filter(affected::contains).toList();
    }

    /** Services whose declared variables reference {@code ${{shared.NAME}}}. */
    private static List<String> referencing(DesiredEnvironment desired, String sharedVariable) {
        String reference = "${{shared." + sharedVariable + "}}";
        return desired.services().values().stream()
                .filter(s -> s.variables().values().stream().anyMatch(v ->
                        v instanceof VariableValue.Literal literal && literal.value().contains(reference)))
                .map(ServiceSpec::name)
                .toList();
    }
}
