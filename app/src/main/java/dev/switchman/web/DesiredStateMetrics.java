package dev.switchman.web;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.source.DesiredStateHolder.LoadOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * The desired-state meters, read from the holder when scraped:
 * {@code switchman_desired_state_loads_total{result}}, {@code switchman_desired_state_valid},
 * {@code switchman_desired_state_errors} and {@code switchman_environments_declared}.
 */
@ApplicationScoped
public class DesiredStateMetrics {

    void register(@Observes StartupEvent started, MeterRegistry registry, DesiredStateHolder holder) {
        for (LoadOutcome outcome : LoadOutcome.values()) {
            FunctionCounter.builder("switchman.desired_state.loads", holder, h -> h.loadCount(outcome))
                    .description("Desired-state loads (full reads after a change), by result")
                    .tag("result", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("switchman.desired_state.valid", holder, h -> h.status().latestValid() ? 1 : 0)
                .description("1 when the latest desired-state load was valid, else 0")
                .strongReference(true)
                .register(registry);
        Gauge.builder("switchman.desired_state.errors", holder, h -> h.status().errorCount())
                .description("Errors found by the latest desired-state load")
                .strongReference(true)
                .register(registry);
        Gauge.builder("switchman.environments.declared", holder, h -> h.status().environmentCount())
                .description("Environments declared by the desired state in force")
                .strongReference(true)
                .register(registry);
    }
}
