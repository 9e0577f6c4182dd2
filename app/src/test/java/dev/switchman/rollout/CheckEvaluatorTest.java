package dev.switchman.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.VerificationSpec.CheckSpec;
import dev.switchman.desired.VerificationSpec.JsonExpectation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckEvaluatorTest {

    private static final String DETAILED = """
            {"status":"ok","checks":{
              "database":{"critical":true,"status":"healthy"},
              "redis":{"critical":false,"status":"degraded"},
              "celery":{"critical":true,"status":"%s"}}}""";

    private static final CheckSpec DJANGO = new CheckSpec("detailed", "/api/v1/health/detailed/", List.of(200),
            Duration.ofMillis(500), List.of(
                    new JsonExpectation("checks", Map.of("critical", true), "status", List.of("healthy")),
                    new JsonExpectation(null, null, "checks.redis.status", List.of("healthy", "degraded"))));

    private static HttpObservation ok(String body, long millis) {
        return new HttpObservation(200, body, Duration.ofMillis(millis), null);
    }

    @Test
    void everyCriticalCheckHealthyAndRedisDegradedPasses() {
        assertThat(CheckEvaluator.evaluate(DJANGO, ok(DETAILED.formatted("healthy"), 40)).passed()).isTrue();
    }

    @Test
    void aCriticalCheckNotHealthyFailsNamingIt() {
        CheckResult result = CheckEvaluator.evaluate(DJANGO, ok(DETAILED.formatted("unhealthy"), 40));
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("checks.celery.status").contains("unhealthy");
    }

    @Test
    void anUnexpectedStatusFailsWithIt() {
        CheckResult result = CheckEvaluator.evaluate(DJANGO, new HttpObservation(503, "{}", Duration.ofMillis(3), null));
        assertThat(result).extracting(CheckResult::passed, CheckResult::status).containsExactly(false, 503);
        assertThat(result.reason()).isEqualTo("HTTP 503, expected [200]");
    }

    @Test
    void tooSlowFailsAndNoAnswerFails() {
        assertThat(CheckEvaluator.evaluate(DJANGO, ok(DETAILED.formatted("healthy"), 900)).reason())
                .isEqualTo("answered in 900 ms, limit 500 ms");
        assertThat(CheckEvaluator.evaluate(DJANGO, HttpObservation.noAnswer("timed out", Duration.ofSeconds(5))))
                .extracting(CheckResult::passed, CheckResult::status).containsExactly(false, 0);
    }

    @Test
    void missingFieldsAndNonJsonBodiesFail() {
        assertThat(CheckEvaluator.evaluate(DJANGO, ok("{\"checks\":{}}", 1)).reason()).contains("checks.redis.status is missing");
        assertThat(CheckEvaluator.evaluate(DJANGO, ok("<html>", 1)).reason()).isEqualTo("the body is not JSON");
    }

    @Test
    void numbersCompareByValueAndArraysWork() {
        CheckSpec spec = new CheckSpec(null, "/h", List.of(), null,
                List.of(new JsonExpectation("workers", Map.of("kind", "web"), "up", List.of(1))));
        assertThat(CheckEvaluator.evaluate(spec, ok("{\"workers\":[{\"kind\":\"web\",\"up\":1.0},{\"kind\":\"cron\",\"up\":0}]}", 1))
                .passed()).isTrue();
        assertThat(CheckEvaluator.evaluate(spec, ok("{\"workers\":[{\"kind\":\"web\",\"up\":0}]}", 1)).passed()).isFalse();
    }

    @Test
    void railwayStatusesMapToPhasesAndUnknownOnesAreKeptGoing() {
        assertThat(List.of("INITIALIZING", "QUEUED", "WAITING", "NEEDS_APPROVAL", "BUILDING", "DEPLOYING"))
                .allMatch(s -> DeploymentPhase.of(s) == DeploymentPhase.GOING);
        assertThat(DeploymentPhase.of("SLEEPING").running()).isTrue();
        assertThat(DeploymentPhase.of("SKIPPED")).isEqualTo(DeploymentPhase.GONE);
        assertThat(DeploymentPhase.of("HIBERNATING")).isEqualTo(DeploymentPhase.UNKNOWN);
        assertThat(DeploymentPhase.of("HIBERNATING").pending()).isTrue();
    }
}
