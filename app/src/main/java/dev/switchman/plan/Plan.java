package dev.switchman.plan;

import java.util.List;

/**
 * What it takes to bring one Railway environment to its desired state.
 *
 * @param project the project's name in the desired state
 * @param environment the environment's name
 * @param environmentId the Railway environment id, or null when it was not read
 * @param revision the desired-state revision planned from, or null when unknown
 * @param baseConfigEtag the observed {@code configEtag}; apply only while Railway still has it
 * @param changes in the order to apply them
 * @param redeploys services to deploy after the changes, in dependency order
 * @param notes drift left alone (prune off, empty desired state) and unmanaged things worth saying
 * @param blockers reasons the plan must not be applied (for example a secret that does not resolve)
 */
public record Plan(
        String project,
        String environment,
        String environmentId,
        String revision,
        String baseConfigEtag,
        List<Change> changes,
        List<String> redeploys,
        List<PlanNote> notes,
        List<PlanNote> blockers) {

    public Plan {
        changes = List.copyOf(changes);
        redeploys = List.copyOf(redeploys);
        notes = List.copyOf(notes);
        blockers = List.copyOf(blockers);
    }

    /** In sync: nothing to change and nothing in the way. */
    public boolean isEmpty() {
        return changes.isEmpty() && blockers.isEmpty();
    }

    /** False when a blocker forbids applying the plan. */
    public boolean isApplicable() {
        return blockers.isEmpty();
    }

    public long toAdd() {
        return count(Change.Action.CREATE);
    }

    public long toChange() {
        return count(Change.Action.UPDATE);
    }

    public long toDestroy() {
        return count(Change.Action.DELETE);
    }

    /** {@code project/environment}, as people name it. */
    public String qualifiedEnvironment() {
        return project + "/" + environment;
    }

    private long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
