package dev.switchman.web.ui;

import dev.switchman.railway.RailwayConfig;
import dev.switchman.railway.RailwayStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The Railway API budget as the page shows it, read from what the client already publishes: the
 * {@code switchman_railway_budget_remaining} gauge and how the last request ended. Never a request of its own.
 *
 * @param remaining requests left in the hourly budget, -1 before the client measured any
 * @param lastOutcome the last request's outcome ({@code success}, {@code rate_limited}, ...), null before one
 */
public record BudgetView(long remaining, int perHour, String lastOutcome, Instant lastCallAt) {

    /** Red when Railway refused or did not answer, or nothing is left; amber under a tenth of the budget. */
    public String css() {
        if (remaining == 0 || "rate_limited".equals(lastOutcome) || "transient".equals(lastOutcome)
                || "unauthorized".equals(lastOutcome)) {
            return "state-stalled";
        }
        return remaining >= 0 && remaining * 10 < perHour ? "state-not-ready" : remaining < 0 ? "state-unknown"
                : "state-ready";
    }

    public String text() {
        String left = remaining < 0 ? "not measured yet" : remaining + " of " + perHour + " requests left this hour";
        return lastOutcome == null ? left : left + "; last request: " + lastOutcome.replace('_', ' ');
    }

    /** Reads the budget for each page. */
    @ApplicationScoped
    public static class Reader {

        private final MeterRegistry registry;
        private final RailwayStatus status;
        private final int perHour;

        public Reader(MeterRegistry registry, RailwayStatus status, RailwayConfig config) {
            this.registry = registry;
            this.status = status;
            this.perHour = config.requestsPerHour();
        }

        BudgetView now() {
            Gauge gauge = registry.find("switchman.railway.budget.remaining").gauge();
            long remaining = gauge == null ? -1 : (long) gauge.value();
            return status.last().map(last -> new BudgetView(remaining, perHour, last.outcome(), last.at()))
                    .orElse(new BudgetView(remaining, perHour, null, null));
        }
    }
}
