package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Responses shaped as Railway sends them (reference §1), one case each. */
class ResponseClassifierTest {

    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    private static final String TARGET = "environment env-1";

    private final ResponseClassifier classifier = new ResponseClassifier(new ObjectMapper());

    @Test
    void dataOfASuccessfulResponseIsReturned() {
        HttpReply reply = reply(200, """
                {"data":{"environment":{"id":"env-1"}}}""");

        assertThat(classify(Operation.ENVIRONMENT_STATE, reply).path("environment").path("id").asText())
                .isEqualTo("env-1");
    }

    @Test
    void http429IsRateLimitedForRetryAfterSeconds() {
        HttpReply reply = reply(429, "", Map.of("Retry-After", "42", "X-RateLimit-Remaining", "0"));

        RailwayException.RateLimited failure = fail(RailwayException.RateLimited.class, Operation.DEPLOYMENT, reply);

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void http429WithoutRetryAfterWaitsForTheWindowReset() {
        HttpReply reply = reply(429, "", Map.of("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 90)));

        assertThat(fail(RailwayException.RateLimited.class, Operation.DEPLOYMENT, reply).retryAfter())
                .contains(Duration.ofSeconds(90));
    }

    @Test
    void http5xxIsTransientAndMayHaveTakenEffect() {
        RailwayException.Transient failure =
                fail(RailwayException.Transient.class, Operation.SERVICE_INSTANCE_DEPLOY, reply(502, "Bad Gateway"));

        assertThat(failure.mayHaveTakenEffect()).isTrue();
    }

    @Test
    void http400ValidationIsRejectedWithCodeAndTrace() {
        HttpReply reply = reply(400, """
                {"errors":[{"message":"Cannot query field \\"bogus\\" on type \\"Environment\\".",
                  "extensions":{"code":"GRAPHQL_VALIDATION_FAILED","traceId":"trace-400"}}]}""");

        RailwayException.Rejected failure = fail(RailwayException.Rejected.class, Operation.ENVIRONMENT_STATE, reply);

        assertThat(failure.code()).contains("GRAPHQL_VALIDATION_FAILED");
        assertThat(failure.traceId()).contains("trace-400");
        assertThat(failure.getMessage()).contains("Cannot query field");
    }

    @Test
    void errorsWithNullDataOnAReadMeanNotFound() {
        HttpReply reply = reply(200, """
                {"errors":[{"message":"Environment not found","path":["environment"],
                  "extensions":{"code":"NOT_FOUND","traceId":"trace-nf"}}],"data":null}""");

        RailwayException.NotFound failure = fail(RailwayException.NotFound.class, Operation.ENVIRONMENT_STATE, reply);

        assertThat(failure.traceId()).contains("trace-nf");
        assertThat(failure.getMessage()).contains(TARGET);
    }

    @Test
    void badUserInputOnAMutationIsRejected() {
        HttpReply reply = reply(200, """
                {"errors":[{"message":"Invalid cron schedule","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}""");

        assertThat(fail(RailwayException.Rejected.class, Operation.SERVICE_INSTANCE_UPDATE, reply).code())
                .contains("BAD_USER_INPUT");
    }

    @Test
    void aStaleEnvironmentBaseIsAConflict() {
        HttpReply reply = reply(200, """
                {"errors":[{"message":"Environment changed","extensions":{"code":"STALE_ENVIRONMENT_BASE",
                  "traceId":"trace-stale"}}],"data":null}""");

        RailwayException.Conflict failure =
                fail(RailwayException.Conflict.class, Operation.ENVIRONMENT_PATCH_COMMIT, reply);

        assertThat(failure.code()).contains("STALE_ENVIRONMENT_BASE");
        assertThat(failure.traceId()).contains("trace-stale");
    }

    @Test
    void notAuthorizedNamesTheTokenAndWhatItCouldNotSee() {
        HttpReply reply = reply(200, """
                {"errors":[{"message":"Not Authorized","extensions":{"traceId":"t"}}],"data":null}""");

        RailwayException.Unauthorized failure = catchThrowableOfType(RailwayException.Unauthorized.class,
                () -> classifier.dataOrThrow(Operation.ENVIRONMENT_STATE, reply, TARGET,
                        RailwayAuth.Source.PROJECT_TOKEN, NOW));

        assertThat(failure.getMessage()).contains("RAILWAY_TOKEN").contains(TARGET)
                .contains("only the one environment");
    }

    @Test
    void anUnknownProjectTokenSaysSo() {
        HttpReply reply = reply(200, """
                {"errors":[{"message":"Project Token not found"}],"data":null}""");

        RailwayException.Unauthorized failure = catchThrowableOfType(RailwayException.Unauthorized.class,
                () -> classifier.dataOrThrow(Operation.PROJECT_TOPOLOGY, reply, "project prj-1",
                        RailwayAuth.Source.PROJECT_TOKEN, NOW));

        assertThat(failure.getMessage()).contains("does not know the project token in RAILWAY_TOKEN");
    }

    @Test
    void http401IsUnauthorized() {
        fail(RailwayException.Unauthorized.class, Operation.PROJECT_TOPOLOGY, reply(401, ""));
    }

    @Test
    void aNonJson200IsTransient() {
        fail(RailwayException.Transient.class, Operation.DEPLOYMENT, reply(200, "<html>gateway</html>"));
    }

    @Test
    void resetHeadersAreReadInEveryPlausibleFormat() {
        assertThat(reset(String.valueOf(NOW.getEpochSecond() + 60))).isEqualTo(NOW.plusSeconds(60));
        assertThat(reset(String.valueOf(NOW.toEpochMilli() + 60_000))).isEqualTo(NOW.plusSeconds(60));
        assertThat(reset("60")).isEqualTo(NOW.plusSeconds(60));
        assertThat(reset("2026-09-01T10:01:00Z")).isEqualTo(NOW.plusSeconds(60));
        assertThat(RateLimitHeaders.of(reply(429, "", Map.of("Retry-After", "Tue, 01 Sep 2026 10:00:30 GMT")), NOW)
                .retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    private static Instant reset(String value) {
        return RateLimitHeaders.of(reply(200, "", Map.of("X-RateLimit-Reset", value)), NOW).reset();
    }

    private JsonNode classify(Operation operation, HttpReply reply) {
        return classifier.dataOrThrow(operation, reply, TARGET, RailwayAuth.Source.API_TOKEN, NOW);
    }

    private <T extends RailwayException> T fail(Class<T> type, Operation operation, HttpReply reply) {
        T failure = catchThrowableOfType(type, () -> classify(operation, reply));
        assertThat(failure).as("expected %s", type.getSimpleName()).isNotNull();
        return failure;
    }

    private static HttpReply reply(int status, String body) {
        return reply(status, body, Map.of());
    }

    private static HttpReply reply(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new HttpReply(status, multi, body);
    }
}
