package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.store.StateRetention;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A long run against the sandbox: a reconcile every cycle, a new revision (a rollout) every eighth and a dashboard
 * edit (drift, reverted, redeployed) every fifth, pruned every twenty cycles. The history tables stop growing at
 * the limits; the status's run stays. Prints the row counts at each prune (row counts, never time, are what it
 * checks).
 */
class RetentionLongRunIT extends SandboxReconcileIT {

    private static final int CYCLES = 160;
    private static final int PRUNE_EVERY = 20;
    // Counts decide here, never age (StateRetentionIT covers age): rollouts are stamped by the sandbox's clock,
    // which starts on 2026-01-01, and runs by the machine's, so an age limit would depend on today's date.
    private static final StateRetention.Limits LIMITS = new StateRetention.Limits(Duration.ofDays(36500), 40, 30, 10,
            40);

    @Test
    void tableSizesStayFlat() throws SQLException {
        h.followRollouts(); // every revert is a redeploy, followed as a rollout
        DesiredEnvironment desired = desire(0);
        StateRetention retention = new StateRetention(postgres.store());
        List<Map<String, Long>> checkpoints = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            if (cycle % 8 == 0) {
                desired = desire(cycle); // a new revision: a new rollout
            } else if (cycle % 5 == 0) {
                h.sandbox.dashboardEdit(h.environmentId, Map.of("services", Map.of(h.serviceId("api"),
                        Map.of("deploy", Map.of("healthcheckPath", "/edited-" + cycle)))));
            }
            h.reconcile(desired);
            h.sandbox.advance(Duration.ofMinutes(2));
            if (cycle % PRUNE_EVERY == 0) {
                retention.prune(LIMITS, Instant.now());
                Map<String, Long> counts = counts();
                checkpoints.add(counts);
                System.out.printf("retention long run: after %d cycles %s%n", cycle, counts);
            }
        }

        assertThat(checkpoints.get(0).get("events")).as("drift made events").isPositive();
        assertThat(checkpoints.get(0).get("rollouts")).as("reverts made rollouts").isPositive();
        for (Map<String, Long> counts : checkpoints) {
            assertThat(counts.get("reconcile_runs")).isLessThanOrEqualTo(LIMITS.maxRuns());
            assertThat(counts.get("events")).isLessThanOrEqualTo(LIMITS.maxEvents());
            assertThat(counts.get("rollouts")).isLessThanOrEqualTo(LIMITS.maxRollouts());
        }
        Map<String, Long> last = checkpoints.get(checkpoints.size() - 1);
        assertThat(last.get("reconcile_runs")).isEqualTo(LIMITS.maxRuns());
        assertThat(last.get("rollouts")).isEqualTo(LIMITS.maxRollouts());
        assertThat(checkpoints.get(checkpoints.size() - 2)).as("flat between the last two prunes").isEqualTo(last);
        long shown = h.statuses.find("shop", "production").orElseThrow().lastRunId();
        assertThat(h.runs.find(shown)).as("the run the status shows").isPresent();
    }

    private DesiredEnvironment desire(int release) {
        return h.desire("""
                services:
                  api:
                    source: {image: "ghcr.io/acme/api:1.%d"}
                    deploy: {healthcheckPath: /health}
                policy:
                  drift: selfHeal
                """.formatted(release));
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var connection = postgres.store().getConnection(); var statement = connection.createStatement()) {
            for (String table : List.of("reconcile_runs", "events", "rollouts", "notification_deliveries")) {
                try (var rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
