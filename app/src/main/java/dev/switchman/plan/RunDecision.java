package dev.switchman.plan;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.observed.ObservedEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run does with its plan, decided before anything is sent: which changes are drift (Railway moved
 * away from what was last applied) and which the desired state asks for, which deployments are owed, and what
 * is written and deployed. Pure: the same inputs, the same decision.
 *
 * <ul>
 *   <li>{@code reportOnly} drift is left as it is; {@code selfHeal} drift is reverted;</li>
 *   <li>a held service's source is drift whatever the record says (only a release changes it);</li>
 *   <li>while the environment's fingerprint is quarantined, nothing the desired state asks for is applied or
 *       deployed: only drift may be reverted, and the deployments that takes are owed until the release;</li>
 *   <li>a deployment Switchman owes (recorded before writing) is always started; one Railway's own state shows
 *       (a configured source nothing deployed) only with {@code selfHeal} or for a held service.</li>
 * </ul>
 *
 * @param plan the full plan
 * @param drift addresses of the changes that are drift
 * @param changesRailway whether the desired state (not drift) changes something: what lets a newer fingerprint
 *     pre-empt a rollout under way
 * @param undeployed services whose configuration is not what runs, each with why
 * @param toApply the changes to write and the services to deploy, in order
 * @param owes services the writes of {@code toApply} leave owing a deployment (deployed by it unless quarantined)
 */
public record RunDecision(Plan plan, Set<String> drift, boolean changesRailway, Map<String, String> undeployed,
        Plan toApply, Set<String> owes) {

    /** Appended to why a deployment is owed when it is only reported. */
    public static final String REPORTED_ONLY = " (reported only: drift is reportOnly)";

    public RunDecision {
        drift = Collections.unmodifiableSet(new LinkedHashSet<>(drift));
        undeployed = Collections.unmodifiableMap(new LinkedHashMap<>(undeployed));
        owes = Collections.unmodifiableSet(new LinkedHashSet<>(owes));
    }

    /**
     * @param enforced the desired environment with its held services' sources
     * @param held the services held on their last verified source
     */
    public static RunDecision of(Plan plan, DesiredEnvironment enforced, LastApplied last, ObservedEnvironment observed,
            Secrets secrets, boolean quarantined, Set<String> held) {
        Policy policy = enforced.policy() == null ? Policy.DEFAULT : enforced.policy();
        boolean heal = policy.drift() == Policy.DriftMode.SELF_HEAL;
        Set<String> drift = new LinkedHashSet<>(DriftClassifier.drift(plan, enforced, last, secrets));
        held.forEach(service -> plan.changes().stream().map(Change::address)
                .filter(address -> address.startsWith("service." + service + ".source.")).forEach(drift::add));
        Set<String> desiredChanges = new LinkedHashSet<>();
        plan.changes().stream().map(Change::address).filter(a -> !drift.contains(a)).forEach(desiredChanges::add);
        Set<String> left = new LinkedHashSet<>(quarantined ? desiredChanges : Set.of());
        if (!heal) {
            left.addAll(drift);
        }
        Map<String, String> undeployed = new LinkedHashMap<>();
        DeployedTruth.undeployed(observed, last).forEach((service, why) -> {
            if (enforced.services().containsKey(service)) {
                boolean deploy = last.undeployed().contains(service) || heal || held.contains(service);
                undeployed.put(service, deploy ? why : why + REPORTED_ONLY);
            }
        });
        Plan toApply = Planner.without(plan, left, enforced);
        Set<String> owes = new LinkedHashSet<>(toApply.redeploys());
        Set<String> deploys = new LinkedHashSet<>(owes);
        undeployed.forEach((service, why) -> {
            if (!why.endsWith(REPORTED_ONLY)) {
                deploys.add(service);
            }
        });
        if (quarantined) {
            deploys.clear();
        }
        return new RunDecision(plan, drift, !desiredChanges.isEmpty(), undeployed, withDeploys(toApply, deploys),
                owes);
    }

    /** {@code plan} deploying {@code deploys}: its own redeploys in their order, then the others. */
    private static Plan withDeploys(Plan plan, Set<String> deploys) {
        List<String> ordered = new ArrayList<>(plan.redeploys().stream().filter(deploys::contains).toList());
        deploys.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return new Plan(plan.project(), plan.environment(), plan.environmentId(), plan.revision(),
                plan.baseConfigEtag(), plan.changes(), ordered, plan.notes(), plan.blockers());
    }

    /** The decision as people read it, one line per fact; the golden run tests compare it. */
    public String render() {
        StringBuilder text = new StringBuilder();
        plan.changes().forEach(change -> text.append(drift.contains(change.address()) ? "drift   " : "desired ")
                .append(change.address()).append(toApply.changes().contains(change) ? "  -> write" : "  -> leave")
                .append('\n'));
        undeployed.forEach((service, why) -> text.append("owed    ").append(service).append(": ").append(why)
                .append('\n'));
        text.append("changes Railway: ").append(changesRailway).append('\n');
        text.append("deploys: ").append(toApply.redeploys().isEmpty() ? "none" : String.join(", ", toApply.redeploys()))
                .append('\n');
        text.append("owes after writing: ").append(owes.isEmpty() ? "none" : String.join(", ", owes)).append('\n');
        return text.toString();
    }
}
