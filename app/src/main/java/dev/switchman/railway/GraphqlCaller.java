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
 * {@link ApiBudget}, posts with the operation's timeout (mutations wait longer than reads), classifies the
 * response, and retries what the operation's {@link Operation.Kind} allows, with backoff and within a time
 * limit. A 429 pauses the budget for what Railway asks and does not use up attempts; a budget that would
 * hold the call longer than its patience ends it as rate limited.
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
    private final Timeouts timeouts;
    private final Duration budgetPatience;

    GraphqlCaller(GraphqlTransport transport, OperationDocuments documents, Optional<RailwayAuth> auth,
            ApiBudget budget, RailwayClock clock, Backoff backoff, RailwayConfig.Retry retry, Timeouts timeouts,
            Duration budgetPatience, RailwayMetrics metrics, ObjectMapper json) {
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
        this.budgetPatience = budgetPatience;
        this.timeouts = timeouts;
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
        return call(operation, documents.text(operation), variables, target);
    }

    /** As above, with the document's text built by the caller from the operation's own (aliases repeated). */
    JsonNode call(Operation operation, String document, ObjectNode variables, String target) {
        RailwayAuth credentials = auth.orElseThrow(() ->
                new RailwayException.Unauthorized(operation, RailwayAuth.MISSING_TOKEN, null, null));
        String body = requestBody(operation, document, variables);
        Map<String, String> headers = Map.of(credentials.headerName(), credentials.headerValue());
        Instant deadline = clock.now().plus(retry.maxElapsed());
        int failedAttempts = 0;
        int rateLimits = 0;
        while (true) {
            waitForBudget(operation);
            RailwayException failure;
            try {
                return attempt(operation, body, headers, target, credentials.source());
            } catch (RailwayException e) {
                failure = e;
            }
            if (!operation.kind().mayRepeatAfter(failure)) {
                throw failure;
            }
            if (failure instanceof RailwayException.RateLimited rateLimited) {
                // Railway's rule: wait Retry-After, else until the window resets; the budget holds every call
                budget.rateLimited(clock.now().plus(rateLimited.retryAfter().orElse(backoff.ceiling(++rateLimits))));
                continue;
            }
            if (++failedAttempts >= retry.maxAttempts()) {
                throw failure;
            }
            Instant resumeAt = clock.now().plus(backoff.delayBefore(failedAttempts));
            if (resumeAt.isAfter(deadline)) {
                throw failure;
            }
            sleepUntil(operation, resumeAt);
        }
    }

    private JsonNode attempt(Operation operation, String body, Map<String, String> headers, String target,
            RailwayAuth.Source source) {
        Instant start = clock.now();
        try {
            HttpReply reply = transport.post(body, headers, timeouts.of(operation));
            Instant now = clock.now();
            budget.observe(RateLimitHeaders.of(reply, now));
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

    /**
     * Waits for the budget, but never longer than {@code budget-patience}: a longer wait ends the call as rate
     * limited, with the time the budget resumes, so that a run gives its worker back instead of holding it.
     */
    private void waitForBudget(Operation operation) {
        try {
            if (budget.acquire(budgetPatience).isPositive()) {
                metrics.rateLimitWait();
            }
        } catch (ApiBudget.Exhausted spent) {
            Duration left = Duration.between(clock.now(), spent.resumesAt());
            throw new RailwayException.RateLimited(operation, (spent.refused()
                    ? "Railway refused with 429 (rate limited)" : "the API budget of " + budget.perHour()
                            + " requests per hour is spent") + "; calls resume at " + spent.resumesAt(),
                    left.isNegative() ? Duration.ZERO : left, null);
        } catch (InterruptedException interrupted) {
            throw interrupted(operation, interrupted);
        }
    }

    private void sleepUntil(Operation operation, Instant resumeAt) {
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

    /** The text of {@code operation}'s document, for callers that build a variant of it. */
    String document(Operation operation) {
        return documents.text(operation);
    }

    private String requestBody(Operation operation, String document, ObjectNode variables) {
        ObjectNode request = json.createObjectNode();
        request.put("query", document);
        request.set("variables", variables);
        request.put("operationName", operation.documentName());
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialize a JSON tree", impossible);
        }
    }
}
