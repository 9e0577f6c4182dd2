package dev.switchman.railway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one operation until it succeeds or must not be sent again: waits for the
 * {@link ApiBudget}, posts, classifies the response, and retries what the operation's
 * {@link Operation.Kind} allows, with backoff and within a time limit. 429s are waited out
 * (they pause the budget) and do not use up attempts.
 */
final class GraphqlCaller {

    private final GraphqlTransport transport;
    private final OperationDocuments documents;
    private final Optional<RailwayAuth> auth;
    private final ApiBudget budget;
    private final RailwayClock clock;
    private final Backoff backoff;
    private final RailwayConfig.Retry retry;
    private final RailwayMetrics metrics;
    private final ObjectMapper json;
    private final ResponseClassifier classifier;

    GraphqlCaller(GraphqlTransport transport, OperationDocuments documents, Optional<RailwayAuth> auth,
            ApiBudget budget, RailwayClock clock, Backoff backoff, RailwayConfig.Retry retry,
            RailwayMetrics metrics, ObjectMapper json) {
        this.transport = transport;
        this.documents = documents;
        this.auth = auth;
        this.budget = budget;
        this.clock = clock;
        this.backoff = backoff;
        this.retry = retry;
        this.metrics = metrics;
        this.json = json;
        this.classifier = new ResponseClassifier(json);
    }

    /** Calls a mutation that answers a Boolean; {@code false} is a refusal. */
    void expectTrue(Operation operation, ObjectNode variables, String field, String target) {
        if (!call(operation, variables, target).path(field).asBoolean(false)) {
            throw new RailwayException.Rejected(operation, "Railway answered false for " + target, null, null);
        }
    }

    /** Which kind of token the calls carry, if any is set. */
    Optional<RailwayAuth.Source> authSource() {
        return auth.map(RailwayAuth::source);
    }

    /**
     * @param target what the call is about ("environment 9f1c…"), for error messages
     * @return the response's {@code data} object
     */
    JsonNode call(Operation operation, ObjectNode variables, String target) {
        RailwayAuth credentials = auth.orElseThrow(() ->
                new RailwayException.Unauthorized(operation, RailwayAuth.MISSING_TOKEN, null, null));
        String body = requestBody(operation, variables);
        Map<String, String> headers = Map.of(credentials.headerName(), credentials.headerValue());
        Instant deadline = clock.now().plus(retry.maxElapsed());
        int failedAttempts = 0;
        int rateLimits = 0;
        while (true) {
            RailwayException failure;
            try {
                return attempt(operation, body, headers, target, credentials.source());
            } catch (RailwayException e) {
                failure = e;
            }
            if (!operation.kind().mayRepeatAfter(failure)) {
                throw failure;
            }
            Duration wait;
            if (failure instanceof RailwayException.RateLimited rateLimited) {
                wait = rateLimited.retryAfter().orElse(backoff.ceiling(++rateLimits));
            } else if (++failedAttempts < retry.maxAttempts()) {
                wait = backoff.delayBefore(failedAttempts);
            } else {
                throw failure;
            }
            Instant resumeAt = clock.now().plus(wait);
            if (resumeAt.isAfter(deadline)) {
                throw failure;
            }
            pause(operation, failure, resumeAt);
        }
    }

    private JsonNode attempt(Operation operation, String body, Map<String, String> headers, String target,
            RailwayAuth.Source source) {
        waitForBudget(operation);
        Instant start = clock.now();
        try {
            HttpReply reply = transport.post(body, headers);
            Instant now = clock.now();
            RateLimitHeaders limits = RateLimitHeaders.of(reply, now);
            if (limits.remaining() != null) {
                budget.observe(limits.remaining(), limits.reset());
            }
            JsonNode data = classifier.dataOrThrow(operation, reply, target, source, now);
            metrics.request(operation, "success", Duration.between(start, now));
            return data;
        } catch (GraphqlTransport.TransportFailure failure) {
            metrics.request(operation, "transient", Duration.between(start, clock.now()));
            throw new RailwayException.Transient(operation, "no response: " + failure.getMessage(),
                    failure.requestSent(), null, null, failure);
        } catch (RailwayException failure) {
            metrics.request(operation, RailwayMetrics.outcome(failure), Duration.between(start, clock.now()));
            throw failure;
        }
    }

    private void waitForBudget(Operation operation) {
        try {
            if (budget.acquire()) {
                metrics.rateLimitWait();
            }
        } catch (InterruptedException interrupted) {
            throw interrupted(operation, interrupted);
        }
    }

    /** A 429 pauses the whole budget (every caller waits); other failures only back this call off. */
    private void pause(Operation operation, RailwayException failure, Instant resumeAt) {
        if (failure instanceof RailwayException.RateLimited) {
            budget.pauseUntil(resumeAt);
            return;
        }
        try {
            clock.sleep(Duration.between(clock.now(), resumeAt));
        } catch (InterruptedException interrupted) {
            throw interrupted(operation, interrupted);
        }
    }

    private static RailwayException interrupted(Operation operation, InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new RailwayException.Transient(operation, "interrupted while waiting for the budget or a retry", true, null, null,
                interrupted);
    }

    private String requestBody(Operation operation, ObjectNode variables) {
        ObjectNode request = json.createObjectNode();
        request.put("query", documents.text(operation));
        request.set("variables", variables);
        request.put("operationName", operation.documentName());
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialize a JSON tree", impossible);
        }
    }
}
