package dev.switchman.reconcile;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code switchman_reconcile_total{result}}, {@code switchman_reconcile_duration_seconds} (a
 * histogram), {@code switchman_drift_detected_total} and {@code switchman_drift_corrected_total}
 * (both counting fields, tagged with the environment).
 */
final class ReconcileMetrics {

    private final MeterRegistry registry;

    ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void run(String result, Duration duration) {
        Counter.builder("switchman.reconcile").description("Reconcile runs by result").tag("result", result)
                .register(registry).increment();
        Timer.builder("switchman.reconcile.duration").description("How long one reconcile of one environment took")
                .publishPercentileHistogram().register(registry).record(duration);
    }

    void driftDetected(String environment, int fields) {
        drift("switchman.drift.detected", "Fields found changed behind Switchman's back", environment, fields);
    }

    void driftCorrected(String environment, int fields) {
        drift("switchman.drift.corrected", "Drifted fields reverted (selfHeal)", environment, fields);
    }

    private void drift(String name, String description, String environment, int fields) {
        Counter.builder(name).description(description).tag("environment", environment).register(registry)
                .increment(fields);
    }
}
