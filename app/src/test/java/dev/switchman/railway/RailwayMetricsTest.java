package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metric names dashboards and alerts will use, as Prometheus scrapes them. */
class RailwayMetricsTest {

    @Test
    void metricsAreExportedUnderTheDocumentedPrometheusNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ApiBudget budget = new ApiBudget(1000, 10, new FakeClock());
        RailwayMetrics metrics = new RailwayMetrics(registry, budget);

        metrics.request(Operation.ENVIRONMENT_STATE, "success", Duration.ofMillis(120));
        metrics.request(Operation.SERVICE_INSTANCE_DEPLOY, RailwayMetrics.outcome(
                new RailwayException.RateLimited(Operation.SERVICE_INSTANCE_DEPLOY, "429", null, null)), Duration.ZERO);
        metrics.rateLimitWait();
        budget.observe(new RateLimitHeaders(null, 321L, null, null));

        String scrape = registry.scrape();
        // Label sets may end with a comma depending on the exposition format version.
        assertThat(scrape)
                .containsPattern("switchman_railway_requests_total\\{operation=\"EnvironmentState\",outcome=\"success\",?} 1.0")
                .containsPattern("switchman_railway_requests_total\\{operation=\"ServiceInstanceDeploy\",outcome=\"rate_limited\",?} 1.0")
                .contains("switchman_railway_request_duration_seconds_count{operation=\"EnvironmentState\"")
                .contains("switchman_railway_rate_limit_waits_total 1.0")
                .contains("switchman_railway_budget_remaining 321.0");
    }
}
