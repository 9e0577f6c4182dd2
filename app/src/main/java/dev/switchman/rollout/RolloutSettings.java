package dev.switchman.rollout;

import java.time.Duration;

/** The {@code switchman.rollout.*} settings, as a value code built without CDI can be given. */
public record RolloutSettings(Duration pollInterval, Duration maxWait, String domainBaseUrl, Duration monitorInterval) {

    public static final RolloutSettings DEFAULT =
            new RolloutSettings(Duration.ofSeconds(5), Duration.ofMinutes(30), "https://", Duration.ofSeconds(60));

    public RolloutSettings withDomainBaseUrl(String base) {
        return new RolloutSettings(pollInterval, maxWait, base, monitorInterval);
    }
}
