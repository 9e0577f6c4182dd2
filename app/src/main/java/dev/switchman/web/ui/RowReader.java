package dev.switchman.web.ui;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.EnvironmentSchedule;
import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentControl;
import dev.switchman.store.EnvironmentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Makes an environment's row from what was read about it; the loop's schedule is in memory, no query. */
@ApplicationScoped
public class RowReader {

    private final DesiredStateHolder holder;
    private final ReconcileLoop loop;

    public RowReader(DesiredStateHolder holder, ReconcileLoop loop) {
        this.holder = holder;
        this.loop = loop;
    }

    /**
     * @param status null before the first run
     * @param control null when the API never suspended or triggered it
     * @param quarantined the quarantined revision, null when none
     */
    EnvironmentRow row(DesiredState state, DesiredEnvironment environment, EnvironmentStatus status,
            EnvironmentControl control, List<String> held, String quarantined, Map<Instant, RunCounts> runs,
            Instant now) {
        Optional<EnvironmentSchedule> schedule = loop.schedule(environment.qualifiedName());
        boolean running = schedule.map(s -> s.runningSince() != null).orElse(false);
        return new EnvironmentRow(environment.project(), environment.name(),
                EnvironmentRow.href(environment.project(), environment.name()),
                EnvironmentRow.api(environment.project(), environment.name()),
                Headline.of(status, suspension(environment, control), holder.invalidDiagnostics(environment)),
                state.fingerprint(environment), state.revision(),
                status == null ? null : status.updatedAt(), status == null ? null : status.lastResult(),
                schedule.map(EnvironmentSchedule::nextRunAt).orElse(null), running,
                status == null ? 0 : status.drift().size(), List.copyOf(held), quarantined, RunStrip.of(runs, now),
                schedule.map(s -> EnvironmentRow.stretched(s.declaredInterval(), s.interval())).orElse(null));
    }

    /** {@code by the API (maintenance)} or {@code by policy.suspend in the YAML}; null when not suspended. */
    static String suspension(DesiredEnvironment environment, EnvironmentControl control) {
        if (control != null && control.suspended()) {
            return "by the API" + (control.suspendReason() == null || control.suspendReason().isBlank() ? ""
                    : " (" + control.suspendReason() + ")");
        }
        return environment.policy().suspend() ? "by policy.suspend in the YAML" : null;
    }
}
