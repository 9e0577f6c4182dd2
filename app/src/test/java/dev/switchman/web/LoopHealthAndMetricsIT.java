package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import dev.switchman.railway.RailwayStatus;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness follows Railway's last answer (rate-limited is not down); the loop's gauges. */
@QuarkusTest
class LoopHealthAndMetricsIT {

    @Inject
    DesiredStateHolder holder;

    @Inject
    RailwayStatus railway;

    @Inject
    EnvironmentControlRepository controls;

    @BeforeEach
    void loadValidState() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();
    }

    @AfterEach
    void railwayAnswersAgain() {
        railway.record("environment", "success", Instant.now());
        controls.resume("shop", "staging");
    }

    @Test
    void rateLimitedIsReadyButNoAnswerIsNot() {
        railway.record("environment", "rate_limited", Instant.now());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'railway' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'railway' }.data.state", equalTo("rate-limited"))
                .body("checks.find { it.name == 'railway' }.data.role", equalTo("standby"));

        railway.record("environment", "transient", Instant.now());
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'railway' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'railway' }.data.state", equalTo("unreachable"));
    }

    @Test
    void livenessSaysWhetherTheLoopRunsAndLeads() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'loop' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'loop' }.data.reconcile", equalTo("disabled"))
                .body("checks.find { it.name == 'loop' }.data.leader", equalTo(false));
    }

    @Test
    void leaderAndSuspendedGauges() {
        controls.suspend("shop", "staging", Instant.now(), null);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*\\nswitchman_leader(\\{[^}]*})? 0\\.0\\n.*"))
                .body(matchesRegex("(?s).*\\nswitchman_environments_suspended(\\{[^}]*})? 1\\.0\\n.*"));
    }
}
