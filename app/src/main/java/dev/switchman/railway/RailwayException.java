package dev.switchman.railway;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a Railway call failed, as one of a closed set of cases the reconciler can decide on:
 * wait and retry ({@link Transient}, {@link RateLimited}), re-read and re-plan
 * ({@link Conflict}), or stop until the input changes ({@link NotFound}, {@link Rejected},
 * {@link Unauthorized}).
 *
 * <p>Every case keeps Railway's {@code traceId} and the GraphQL {@code extensions.code} when the
 * response had them, so a report can quote them to Railway's support.
 */
public abstract sealed class RailwayException extends RuntimeException {

    private final Operation operation;
    private final String traceId;
    private final String code;

    RailwayException(Operation operation, String message, String traceId, String code, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
        this.traceId = traceId;
        this.code = code;
    }

    public Operation operation() {
        return operation;
    }

    /** Railway's trace id of the failed request, when the response carried one. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** The GraphQL {@code extensions.code} (BAD_USER_INPUT, STALE_ENVIRONMENT_BASE, ...), if any. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /**
     * Network failure, timeout or 5xx.
     *
     * <p>{@code mayHaveTakenEffect} is false only when the request cannot have reached Railway
     * (connection refused) or Railway answered without executing it; when true, a write must be
     * checked by reading state before it is sent again.
     */
    public static final class Transient extends RailwayException {
        private final boolean mayHaveTakenEffect;

        public Transient(Operation operation, String message, boolean mayHaveTakenEffect, String traceId,
                String code, Throwable cause) {
            super(operation, message, traceId, code, cause);
            this.mayHaveTakenEffect = mayHaveTakenEffect;
        }

        public boolean mayHaveTakenEffect() {
            return mayHaveTakenEffect;
        }
    }

    /** HTTP 429: the API budget is spent; {@code retryAfter} is how long Railway asked us to wait, if known. */
    public static final class RateLimited extends RailwayException {
        private final Duration retryAfter;

        public RateLimited(Operation operation, String message, Duration retryAfter, String traceId) {
            super(operation, message, traceId, null, null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The environment changed since it was read (stale {@code baseConfigEtag}): re-read, re-plan. */
    public static final class Conflict extends RailwayException {
        public Conflict(Operation operation, String message, String traceId, String code) {
            super(operation, message, traceId, code, null);
        }
    }

    /** The id asked for does not exist, or this token cannot see it (HTTP 200, errors, data null). */
    public static final class NotFound extends RailwayException {
        public NotFound(Operation operation, String message, String traceId, String code) {
            super(operation, message, traceId, code, null);
        }
    }

    /** Railway refused the request as written (GraphQL or validation error): never retried. */
    public static final class Rejected extends RailwayException {
        public Rejected(Operation operation, String message, String traceId, String code) {
            super(operation, message, traceId, code, null);
        }
    }

    /** No token, a wrong token, or a token that cannot reach the project or environment. */
    public static final class Unauthorized extends RailwayException {
        public Unauthorized(Operation operation, String message, String traceId, String code) {
            super(operation, message, traceId, code, null);
        }
    }
}
