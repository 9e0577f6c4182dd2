package dev.switchman.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * How notifications are delivered ({@code switchman.notify.*}).
 *
 * @param maxAttempts attempts per target, the first included
 * @param initialBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a receiver asking for more is retried after this
 */
public record NotifySettings(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration maxRetryAfter, Duration connectTimeout, Duration requestTimeout, int queueCapacity,
        int deliveryThreads) {

    public static final NotifySettings DEFAULTS = new NotifySettings(true, 5, Duration.ofSeconds(2),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, 2);

    public NotifySettings {
        maxAttempts = Math.max(1, maxAttempts);
        queueCapacity = Math.max(1, queueCapacity);
        deliveryThreads = Math.max(1, deliveryThreads);
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 for the first retry): the receiver's {@code Retry-After}
     * when it gave one (at most {@link #maxRetryAfter}), otherwise exponential backoff up to {@link #maxBackoff}.
     */
    Duration waitBefore(int nextAttempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(20, Math.max(0, nextAttempt - 2)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
