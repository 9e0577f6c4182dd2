package dev.switchman.railway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * RailwayConfig with the mapping's defaults, for the command-line tools that build the client
 * without CDI (and for tests).
 */
public record StandaloneRailwayConfig(String apiUrl, Optional<String> token, Optional<String> apiToken, int requestsPerHour,
        int requestsPerSecond, Retry retry, Duration readTimeout, Duration mutationTimeout) implements RailwayConfig {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MUTATION_TIMEOUT = Duration.ofSeconds(120);

    /** With the mapping's timeouts. */
    public StandaloneRailwayConfig(String apiUrl, Optional<String> token, Optional<String> apiToken,
            int requestsPerHour, int requestsPerSecond, Retry retry) {
        this(apiUrl, token, apiToken, requestsPerHour, requestsPerSecond, retry, READ_TIMEOUT, MUTATION_TIMEOUT);
    }

    public record StandaloneRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed)
            implements Retry {
    }

    static StandaloneRailwayConfig withTokens(String projectToken, String apiToken) {
        return new StandaloneRailwayConfig(DEFAULT_API_URL, Optional.ofNullable(projectToken), Optional.ofNullable(apiToken),
                1000, 10, new StandaloneRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10)));
    }

    /** Railway's own variables, as the daemon reads them: RAILWAY_API_URL, RAILWAY_TOKEN, RAILWAY_API_TOKEN. */
    public static StandaloneRailwayConfig fromEnvironment(Map<String, String> environment) {
        StandaloneRailwayConfig defaults = withTokens(nonBlank(environment.get("RAILWAY_TOKEN")),
                nonBlank(environment.get("RAILWAY_API_TOKEN")));
        String url = nonBlank(environment.get("RAILWAY_API_URL"));
        return new StandaloneRailwayConfig(url == null ? DEFAULT_API_URL : url, defaults.token(), defaults.apiToken(),
                defaults.requestsPerHour(), defaults.requestsPerSecond(), defaults.retry());
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public int readBatch() {
        return 10;
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration budgetPatience() {
        return Duration.ofSeconds(30);
    }
}
