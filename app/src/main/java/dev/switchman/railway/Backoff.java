package dev.switchman.railway;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly random
 * time below {@code min(max, initial * 2^(n-1))}, so clients that failed together do not retry
 * together.
 *
 * @param random uniform values in [0, 1)
 */
public record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * random.getAsDouble()));
    }

    /** The upper bound of the wait before retry number {@code retry}. */
    public Duration ceiling(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration ceiling = initial.multipliedBy(1L << doublings);
        return ceiling.compareTo(max) > 0 ? max : ceiling;
    }
}
