package dev.switchman.web.ui;

import java.time.Instant;
import java.util.List;

/**
 * Every declared environment, grouped by project, with what concerns them all: the desired state's own
 * health and the Railway API budget.
 *
 * @param counts how many environments are in each state, in the order of {@link Headline.State}, empty states left out
 */
public record Overview(Instant rendered, DesiredView desired, BudgetView budget, List<ProjectGroup> projects,
        List<StateCount> counts) {

    /** One project's environments, in the order the desired state declares them. */
    public record ProjectGroup(String name, String anchor, List<EnvironmentRow> environments) {
    }

    /** {@code 3 Ready}. */
    public record StateCount(Headline.State state, long count) {
    }

    /**
     * The desired state in force and, when the newest load is invalid, its errors ({@code file:line:column: ...}).
     *
     * @param provenance the commit or content revision in force, null while none was ever valid
     * @param errors every error of the newest load when it is invalid (the last valid state stays in force)
     */
    public record DesiredView(String provenance, boolean latestValid, List<String> errors, Instant loaded) {
    }
}
