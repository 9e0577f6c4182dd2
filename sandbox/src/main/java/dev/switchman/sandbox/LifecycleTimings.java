package dev.switchman.sandbox;

import java.time.Duration;

/** How long each simulated step takes, and how long a deployment's image stays rollback-able. */
public record LifecycleTimings(Duration initializing, Duration queued, Duration build, Duration deploy,
        Duration rollbackRetention, Duration workflow) {

    /** Hobby-plan retention (72 h); build 3 s and deploy 2 s keep demos short. */
    public static LifecycleTimings defaults() {
        return new LifecycleTimings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(2), Duration.ofHours(72), Duration.ofSeconds(2));
    }
}
