package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.plan.Change;
import dev.switchman.plan.Plan;
import java.util.List;

/**
 * The plan of one environment, or why there is none ({@code plan --all} goes on to the next).
 *
 * @param plan null when it could not be made
 * @param error why not, or null
 */
record EnvironmentPlan(DesiredEnvironment environment, Plan plan, String error) {

    static EnvironmentPlan of(DesiredEnvironment environment, Plan plan) {
        return new EnvironmentPlan(environment, plan, null);
    }

    static EnvironmentPlan failed(DesiredEnvironment environment, String error) {
        return new EnvironmentPlan(environment, null, error);
    }

    String name() {
        return environment.qualifiedName();
    }

    boolean failed() {
        return plan == null;
    }

    boolean blocked() {
        return plan != null && !plan.blockers().isEmpty();
    }

    boolean hasChanges() {
        return plan != null && !plan.changes().isEmpty();
    }

    List<Change> destructive() {
        return plan == null ? List.of()
                : plan.changes().stream().filter(c -> c.effect() == Change.Effect.DESTRUCTIVE).toList();
    }

    /** {@code in sync}, {@code changes}, {@code blocked} or {@code failed}. */
    String status() {
        if (failed()) {
            return "failed";
        }
        return blocked() ? "blocked" : hasChanges() ? "changes" : "in sync";
    }
}
