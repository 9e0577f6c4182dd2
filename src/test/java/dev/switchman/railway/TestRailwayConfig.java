package dev.switchman.railway;

import java.time.Duration;
import java.util.Optional;

/** RailwayConfig with the mapping's defaults, for tests that build the client without CDI. */
record TestRailwayConfig(String apiUrl, Optional<String> token, Optional<String> apiToken, int requestsPerHour,
        int requestsPerSecond, Retry retry) implements RailwayConfig {

    record TestRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed)
            implements Retry {
    }

    static TestRailwayConfig withTokens(String projectToken, String apiToken) {
        return new TestRailwayConfig(DEFAULT_API_URL, Optional.ofNullable(projectToken), Optional.ofNullable(apiToken),
                1000, 10, new TestRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10)));
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(90);
    }
}
