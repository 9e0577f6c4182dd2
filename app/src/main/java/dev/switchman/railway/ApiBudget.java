package dev.switchman.railway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request budget in front of every Railway call: an hourly bucket and a per-second pace that keep callers
 * below Railway's limits instead of letting them run into 429s, corrected by what Railway reports.
 *
 * <ul>
 *   <li>The per-second pace spaces requests evenly at {@link #PACE} of the limit, without bursts: a burst as
 *       large as the limit itself let 2 % of requests at Pro's 50/s meet a 429.</li>
 *   <li>{@code X-RateLimit-Remaining} caps what is left this hour (never more than Railway says) and
 *       {@code X-RateLimit-Limit} is the hourly budget when Railway states it.</li>
 *   <li>A 429 pauses calls for what Railway asks: {@code Retry-After}, else until {@code X-RateLimit-Reset}. The
 *       newest 429 decides, so a short {@code Retry-After} is not stretched to the hour's end.</li>
 * </ul>
 *
 * <p>Time spent waiting is counted per thread ({@link #waited}), so that a run waiting for the budget is not taken
 * for a wedged one. Thread-safe; the injected clock's {@code sleep} is the only blocking.
 */
public final class ApiBudget {

    /** The share of Railway's per-second limit Switchman paces itself to. */
    static final double PACE = 0.9;
    private static final double NANOS_PER_HOUR = 3_600e9;

    private final RailwayClock clock;
    private final int configuredPerHour;
    private final Bucket perHour;
    private final long nanosBetweenRequests;
    private final Map<Thread, Duration> waited = new ConcurrentHashMap<>();
    private final Map<Thread, Instant> waitingSince = new ConcurrentHashMap<>();
    private Instant nextRequestAt = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;
    private Integer statedPerHour;

    public ApiBudget(int requestsPerHour, int requestsPerSecond, RailwayClock clock) {
        if (requestsPerHour < 1 || requestsPerSecond < 1) {
            throw new IllegalArgumentException("request rates must be at least 1");
        }
        this.clock = clock;
        this.configuredPerHour = requestsPerHour;
        this.perHour = new Bucket(requestsPerHour, requestsPerHour / NANOS_PER_HOUR, clock.now());
        this.nanosBetweenRequests = (long) Math.ceil(1e9 / (requestsPerSecond * PACE));
    }

    /**
     * Takes one request from the budget, waiting as long as needed but not longer than {@code patience}.
     *
     * @return how long the caller waited
     * @throws Exhausted when the wait would be longer than {@code patience} (nothing is taken then)
     */
    public Duration acquire(Duration patience) throws InterruptedException, Exhausted {
        Duration total = Duration.ZERO;
        Thread self = Thread.currentThread();
        try {
            for (Duration wait = tryAcquire(); wait.isPositive(); wait = tryAcquire()) {
                if (total.plus(wait).compareTo(patience) > 0) {
                    throw new Exhausted(clock.now().plus(wait), pausedUntil.isAfter(clock.now()));
                }
                waitingSince.putIfAbsent(self, clock.now());
                clock.sleep(wait);
                total = total.plus(wait);
            }
            return total;
        } finally {
            waitingSince.remove(self);
            if (total.isPositive()) {
                waited.merge(self, total, Duration::plus);
            }
        }
    }

    /** Takes one request if the budget allows it now (returns zero), else returns how long to wait. */
    public synchronized Duration tryAcquire() {
        Instant now = clock.now();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (now.isBefore(nextRequestAt)) {
            return Duration.between(now, nextRequestAt);
        }
        perHour.refill(now);
        long hourNanos = perHour.nanosUntilOne();
        if (hourNanos > 0) {
            return Duration.ofNanos(hourNanos);
        }
        perHour.take();
        nextRequestAt = now.plusNanos(nanosBetweenRequests);
        return Duration.ZERO;
    }

    /** Corrects the budget from a response's headers: never more left than Railway says. */
    public synchronized void observe(RateLimitHeaders headers) {
        if (headers.limit() != null && headers.limit() > 0) {
            statedPerHour = headers.limit().intValue();
        }
        if (headers.remaining() != null) {
            perHour.refill(clock.now());
            perHour.capAt(headers.remaining());
        }
    }

    /** Railway refused with a 429: nothing goes out until {@code until} (its newest answer decides). */
    public synchronized void rateLimited(Instant until) {
        pausedUntil = until;
        perHour.refill(clock.now());
    }

    /** When calls may go out again after a 429, empty when they may now. */
    public synchronized Optional<Instant> pausedUntil() {
        return pausedUntil.isAfter(clock.now()) ? Optional.of(pausedUntil) : Optional.empty();
    }

    /** Requests left in the hourly budget now, for the gauge. */
    public synchronized long remaining() {
        perHour.refill(clock.now());
        return (long) Math.floor(perHour.tokens);
    }

    /** The hourly budget: what Railway states in {@code X-RateLimit-Limit}, else what is configured. */
    public synchronized int perHour() {
        return statedPerHour != null ? statedPerHour : configuredPerHour;
    }

    /** How long {@code thread} has waited for the budget so far, the wait under way included. */
    public Duration waited(Thread thread) {
        Duration done = waited.getOrDefault(thread, Duration.ZERO);
        Instant since = waitingSince.get(thread);
        return since == null ? done : done.plus(Duration.between(since, clock.now()));
    }

    /** Starts counting {@code thread}'s waits from zero (a new run on a pooled thread). */
    public void resetWaits(Thread thread) {
        waited.remove(thread);
    }

    /**
     * The budget would make a call wait longer than it may: a run should end and come back at {@code resumesAt}
     * rather than hold a worker.
     *
     * @param refused whether Railway refused (a 429), not Switchman's own pacing
     */
    public static final class Exhausted extends Exception {
        private final Instant resumesAt;
        private final boolean refused;

        Exhausted(Instant resumesAt, boolean refused) {
            super("the API budget is spent until " + resumesAt, null, false, false);
            this.resumesAt = resumesAt;
            this.refused = refused;
        }

        public Instant resumesAt() {
            return resumesAt;
        }

        public boolean refused() {
            return refused;
        }
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
