package dev.switchman.railway;

import java.time.Duration;
import java.time.Instant;

/**
 * The request budget in front of every Railway call: two token buckets (per hour and per
 * second) that pace callers instead of letting them run into 429s, corrected by what Railway
 * reports ({@code X-RateLimit-Remaining}/{@code Reset}) and paused when Railway says 429.
 *
 * <p>Thread-safe. Pure apart from the injected clock, whose {@code sleep} is the only blocking.
 */
public final class ApiBudget {

    private static final double NANOS_PER_HOUR = 3_600e9;
    private static final double NANOS_PER_SECOND = 1e9;

    private final RailwayClock clock;
    private final Bucket perHour;
    private final Bucket perSecond;
    private Instant pausedUntil = Instant.MIN;

    public ApiBudget(int requestsPerHour, int requestsPerSecond, RailwayClock clock) {
        if (requestsPerHour < 1 || requestsPerSecond < 1) {
            throw new IllegalArgumentException("request rates must be at least 1");
        }
        this.clock = clock;
        Instant now = clock.now();
        this.perHour = new Bucket(requestsPerHour, requestsPerHour / NANOS_PER_HOUR, now);
        this.perSecond = new Bucket(requestsPerSecond, requestsPerSecond / NANOS_PER_SECOND, now);
    }

    /**
     * Takes one request from the budget, waiting as long as needed.
     *
     * @return true if the caller had to wait
     */
    public boolean acquire() throws InterruptedException {
        boolean waited = false;
        for (Duration wait = tryAcquire(); wait.isPositive(); wait = tryAcquire()) {
            waited = true;
            clock.sleep(wait);
        }
        return waited;
    }

    /** Takes one request if the budget allows it now (returns zero), else returns how long to wait. */
    public synchronized Duration tryAcquire() {
        Instant now = clock.now();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        perHour.refill(now);
        perSecond.refill(now);
        long waitNanos = Math.max(perHour.nanosUntilOne(), perSecond.nanosUntilOne());
        if (waitNanos > 0) {
            return Duration.ofNanos(waitNanos);
        }
        perHour.take();
        perSecond.take();
        return Duration.ZERO;
    }

    /**
     * Corrects the budget from Railway's rate-limit headers: never more left than Railway says,
     * and nothing at all until {@code reset} when Railway says none is left.
     */
    public synchronized void observe(long remaining, Instant reset) {
        perHour.refill(clock.now());
        perHour.capAt(remaining);
        if (remaining <= 0 && reset != null) {
            pauseUntil(reset);
        }
    }

    /** Lets no request through before {@code until} (Railway's {@code Retry-After} on a 429). */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Requests left in the hourly budget now, for the gauge. */
    public synchronized long remaining() {
        perHour.refill(clock.now());
        return (long) Math.floor(perHour.tokens);
    }

    private static final class Bucket {
        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private Instant refilledAt;

        Bucket(double capacity, double tokensPerNano, Instant now) {
            this.capacity = capacity;
            this.tokensPerNano = tokensPerNano;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        void refill(Instant now) {
            if (now.isAfter(refilledAt)) {
                double elapsed = Duration.between(refilledAt, now).toNanos();
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                refilledAt = now;
            }
        }

        long nanosUntilOne() {
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
        }

        void take() {
            tokens -= 1;
        }

        void capAt(long remaining) {
            tokens = Math.min(tokens, Math.max(0, remaining));
        }
    }
}
