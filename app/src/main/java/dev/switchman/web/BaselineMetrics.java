package dev.switchman.web;

import dev.switchman.railway.RailwayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * What the alert rules in deploy/observability need beside the meters the work registers itself:
 * {@code switchman_loop_live} (1 while liveness is UP), {@code switchman_railway_budget_per_hour} (the budget
 * {@code switchman_railway_budget_remaining} counts down from), and the outcome counters at 0 from the start.
 * A counter that appears with its first increment is invisible to {@code increase()}: the first rollback would
 * never alert.
 */
@ApplicationScoped
public class BaselineMetrics {

    // the labels dev.switchman.rollout.RolloutRecorder and dev.switchman.reconcile.ReconcileMetrics count with
    private static final List<String> ROLLOUT_RESULTS = List.of("Succeeded", "Failed", "RolledBack", "Superseded");
    private static final List<String> ROLLBACK_KINDS = List.of("rollback", "redeploy");
    private static final List<String> RUN_RESULTS = List.of("Converged", "Progressing", "Retry", "Stalled");

    void register(@Observes StartupEvent started, MeterRegistry registry, @Liveness LoopHealthCheck liveness,
            RailwayConfig railway) {
        Gauge.builder("switchman.loop.live", liveness, l -> l.call().getStatus() == HealthCheckResponse.Status.UP ? 1 : 0)
                .description("1 while /q/health/live is UP: the desired-state poll and the reconcile loop are running")
                .strongReference(true).register(registry);
        Gauge.builder("switchman.railway.budget.per.hour", railway, RailwayConfig::requestsPerHour)
                .description("The Railway requests per hour Switchman paces itself to (SWITCHMAN_RAILWAY_REQUESTS_PER_HOUR)")
                .strongReference(true).register(registry);
        ROLLOUT_RESULTS.forEach(result -> registry.counter("switchman_rollouts_total", "result", result));
        ROLLBACK_KINDS.forEach(how -> registry.counter("switchman_rollbacks_total", "how", how));
        RUN_RESULTS.forEach(result -> Counter.builder("switchman.reconcile").description("Reconcile runs by result")
                .tag("result", result).register(registry));
    }
}
