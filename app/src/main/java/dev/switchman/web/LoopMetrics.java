package dev.switchman.web;

import dev.switchman.reconcile.EnvironmentSchedule;
import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Set;

/**
 * The loop's gauges: {@code switchman_leader} (1 on the replica holding the lock),
 * {@code switchman_environments_suspended}, {@code switchman_reconcile_backoff_seconds{environment}}
 * (the wait chosen after the last failure, 0 when not backing off) and
 * {@code switchman_reconcile_interval_seconds{environment}} (how often it is read, after fitting the budget). Per-environment gauges are
 * registered as environments appear in the loop.
 */
@ApplicationScoped
public class LoopMetrics {

    private final Set<String> registered = new HashSet<>();
    private MeterRegistry registry;
    private ReconcileLoop loop;

    void register(@Observes StartupEvent started, MeterRegistry meters, ReconcileLoop reconcileLoop) {
        this.registry = meters;
        this.loop = reconcileLoop;
        Gauge.builder("switchman.leader", reconcileLoop, l -> l.health().leader() ? 1 : 0)
                .description("1 when this replica holds the leader lock and acts, 0 on a standby")
                .strongReference(true)
                .register(meters);
        Gauge.builder("switchman.environments.suspended", reconcileLoop, LoopMetrics::suspended)
                .description("Environments suspended through the API or by policy.suspend (read, never changed)")
                .strongReference(true)
                .register(meters);
        registerBackoffGauges();
    }

    private static double suspended(ReconcileLoop reconcileLoop) {
        try {
            return reconcileLoop.suspendedCount();
        } catch (StoreException e) {
            return Double.NaN;
        }
    }

    @Scheduled(identity = "loop-metrics", every = "${switchman.reconcile.tick-interval}")
    synchronized void registerBackoffGauges() {
        if (loop == null) {
            return;
        }
        for (EnvironmentSchedule schedule : loop.schedules()) {
            String name = schedule.qualifiedName();
            if (registered.add(name)) {
                Gauge.builder("switchman.reconcile.backoff.seconds", loop, l -> l.schedule(name)
                                .map(s -> s.backoff().toMillis() / 1000.0).orElse(0.0))
                        .description("The wait before the next retry of a failing environment, 0 when not failing")
                        .tag("environment", name)
                        .strongReference(true)
                        .register(registry);
                Gauge.builder("switchman.reconcile.interval.seconds", loop, l -> l.schedule(name)
                                .map(s -> s.interval().toMillis() / 1000.0).orElse(Double.NaN))
                        .description("How often the environment is read: its policy.interval, stretched when the"
                                + " declared environments would need more than half of the API budget")
                        .tag("environment", name)
                        .strongReference(true)
                        .register(registry);
            }
        }
    }
}
