package dev.switchman.railway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * Railway call metrics. Prometheus names: {@code switchman_railway_requests_total{operation,outcome}},
 * {@code switchman_railway_request_duration_seconds{operation,outcome}},
 * {@code switchman_railway_rate_limit_waits_total} and {@code switchman_railway_budget_remaining}.
 */
final class RailwayMetrics {

    private final MeterRegistry registry;
    private final Counter rateLimitWaits;
    private final RailwayStatus status;

    RailwayMetrics(MeterRegistry registry, ApiBudget budget) {
        this(registry, budget, new RailwayStatus());
    }

    RailwayMetrics(MeterRegistry registry, ApiBudget budget, RailwayStatus status) {
        this.registry = registry;
        this.status = status;
        this.rateLimitWaits = Counter.builder("switchman.railway.rate.limit.waits")
                .description("Railway calls that waited for the request budget or a Retry-After")
                .register(registry);
        Gauge.builder("switchman.railway.budget.remaining", budget, ApiBudget::remaining)
                .description("Railway requests left in the hourly budget")
                .register(registry);
    }

    /** One HTTP request (one attempt) and how it ended. */
    void request(Operation operation, String outcome, Duration duration) {
        status.record(operation.documentName(), outcome, Instant.now());
        Counter.builder("switchman.railway.requests")
                .description("Railway GraphQL requests by operation and outcome")
                .tag("operation", operation.documentName())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("switchman.railway.request.duration")
                .description("Railway GraphQL request duration")
                .tag("operation", operation.documentName())
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }

    void rateLimitWait() {
        rateLimitWaits.increment();
    }

    /** The outcome label of a failure. */
    static String outcome(RailwayException failure) {
        return switch (failure) {
            case RailwayException.Transient transientFailure -> "transient";
            case RailwayException.RateLimited rateLimited -> "rate_limited";
            case RailwayException.Conflict conflict -> "conflict";
            case RailwayException.NotFound notFound -> "not_found";
            case RailwayException.Rejected rejected -> "rejected";
            case RailwayException.Unauthorized unauthorized -> "unauthorized";
        };
    }
}
