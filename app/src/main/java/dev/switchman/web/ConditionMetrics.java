package dev.switchman.web;

import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code switchman_environment_condition{environment,condition}}: 1 while the condition (Ready, Reconciling,
 * Stalled) is True, as the status API shows it; the dashboard counts environments by condition with it and the
 * stalled alert fires on it. Read from the state store every 10 s, not on
 * every scrape. Each environment's drift counters start at 0 as it appears, so an alert on
 * their increase sees the first drift too.
 */
@ApplicationScoped
public class ConditionMetrics {

    private static final Logger LOG = Logger.getLogger(ConditionMetrics.class);
    private static final Set<String> CONDITIONS = Set.of(EnvironmentCondition.READY, EnvironmentCondition.RECONCILING,
            EnvironmentCondition.STALLED);

    private final EnvironmentStatusRepository statuses;
    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    ConditionMetrics(EnvironmentStatusRepository statuses, MeterRegistry registry) {
        this.statuses = statuses;
        this.registry = registry;
    }

    @Scheduled(identity = "condition-metrics", every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            statuses.list().forEach(this::record);
        } catch (StoreException e) {
            LOG.debugf("condition gauges keep their last values: %s", e.getMessage());
        }
    }

    private void record(EnvironmentStatus status) {
        String environment = status.project() + "/" + status.environment();
        for (String condition : CONDITIONS) {
            boolean on = status.condition(condition).map(c -> "True".equals(c.status())).orElse(false);
            if (values.put(environment + "|" + condition, on ? 1.0 : 0.0) == null) {
                register(environment, condition);
            }
        }
    }

    private void register(String environment, String condition) {
        String key = environment + "|" + condition;
        Gauge.builder("switchman.environment.condition", values, v -> v.getOrDefault(key, Double.NaN))
                .description("1 while the environment's condition is True (Ready, Reconciling, Stalled), else 0")
                .tag("environment", environment).tag("condition", condition)
                .strongReference(true).register(registry);
        if (condition.equals(EnvironmentCondition.READY)) {
            // the same names, tags and descriptions as dev.switchman.reconcile.ReconcileMetrics
            Counter.builder("switchman.drift.detected").description("Fields found changed behind Switchman's back")
                    .tag("environment", environment).register(registry);
            Counter.builder("switchman.drift.corrected").description("Drifted fields reverted (selfHeal)")
                    .tag("environment", environment).register(registry);
        }
    }
}
