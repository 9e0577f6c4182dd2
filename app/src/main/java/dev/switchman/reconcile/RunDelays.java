package dev.switchman.reconcile;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long an environment waits before its next run: the interval with ±10% jitter (so many
 * environments declared at once do not all read Railway in the same second), and exponential
 * backoff with the same jitter after failures, capped.
 */
final class RunDelays {

    private static final double JITTER = 0.10;

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    RunDelays(Duration initialBackoff, Duration maxBackoff, DoubleSupplier random) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    Duration interval(Duration interval) {
        return jittered(interval);
    }

    /** The wait after {@code failures} consecutive failed runs (1 for the first failure). */
    Duration backoff(int failures) {
        Duration capped = maxBackoff;
        int doublings = Math.max(0, failures - 1);
        if (doublings < 31) {
            Duration exponential = initialBackoff.multipliedBy(1L << doublings);
            capped = exponential.compareTo(maxBackoff) < 0 ? exponential : maxBackoff;
        }
        return jittered(capped);
    }

    private Duration jittered(Duration base) {
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
