package dev.switchman.railway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How Switchman reaches Railway's API. The tokens and the endpoint are read from Railway's own
 * environment variables ({@code RAILWAY_TOKEN}, {@code RAILWAY_API_TOKEN}, {@code RAILWAY_API_URL})
 * through {@code application.properties}.
 */
@ConfigMapping(prefix = "switchman.railway")
public interface RailwayConfig {

    /** Railway's public GraphQL endpoint. */
    String DEFAULT_API_URL = "https://backboard.railway.com/graphql/v2";

    /** The GraphQL endpoint ({@code RAILWAY_API_URL}); the sandbox's URL in tests. */
    @WithDefault(DEFAULT_API_URL)
    String apiUrl();

    /** A project token ({@code RAILWAY_TOKEN}), sent as {@code Project-Access-Token}; wins over api-token. */
    Optional<String> token();

    /** An account or workspace token ({@code RAILWAY_API_TOKEN}), sent as {@code Authorization: Bearer}. */
    Optional<String> apiToken();

    /** Requests allowed per hour: 100 Free, 1,000 Hobby, 10,000 Pro. */
    @WithDefault("1000")
    int requestsPerHour();

    /** Requests allowed per second: 10 Hobby, 50 Pro. */
    @WithDefault("10")
    int requestsPerSecond();

    /**
     * Environments read in one request when several start together (aliases of one query): the loop's reads
     * cost a tenth as much at the default.
     */
    @WithDefault("10")
    int readBatch();

    /** How long to wait for a TCP connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for the answer to a read once it is sent. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * How long to wait for the answer to a write once it is sent (Railway's CLI waits 90 s): longer than a read,
     * because a write given up on may still take effect, and its outcome must then be looked up before it is sent
     * again.
     */
    @WithDefault("120s")
    Duration mutationTimeout();

    /**
     * The longest a call waits for the request budget (Switchman's pacing, or a 429's Retry-After). A longer wait
     * ends the run as rate limited, with the time it resumes, instead of holding a worker.
     */
    @WithDefault("30s")
    Duration budgetPatience();

    /** When failed calls are sent again. */
    Retry retry();

    /** Retry settings for transient failures; 429s are waited out, not counted as attempts. */
    interface Retry {

        /** Attempts per call for transient failures (network, timeout, 5xx), the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** The backoff ceiling of the first retry; it doubles per attempt up to max-backoff. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** The largest backoff ceiling; the actual wait is uniformly random below it (full jitter). */
        @WithDefault("30s")
        Duration maxBackoff();

        /** The longest a call may spend waiting and retrying before its last failure is thrown. */
        @WithDefault("10m")
        Duration maxElapsed();
    }
}
