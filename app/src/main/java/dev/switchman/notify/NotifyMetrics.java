package dev.switchman.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code switchman_notifications_total{target,result}}: target is the target's type ({@code webhook},
 * {@code slack}); result is {@code delivered}, {@code failed} (retries exhausted), {@code rejected} (a 4xx
 * other than 408/429, not retried), {@code deduplicated} (same state already sent) or {@code dropped}
 * (the queue was full or the daemon stopping).
 */
final class NotifyMetrics {

    private final MeterRegistry registry;

    NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String target, String result) {
        if (registry != null) {
            Counter.builder("switchman.notifications").description("Notifications by target type and result")
                    .tag("target", target).tag("result", result).register(registry).increment();
        }
    }
}
