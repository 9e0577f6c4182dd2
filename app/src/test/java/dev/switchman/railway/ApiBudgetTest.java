package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {

    private static final Duration PATIENT = Duration.ofHours(2);

    private final FakeClock clock = new FakeClock();

    private static RateLimitHeaders headers(Long limit, Long remaining, Instant reset, Duration retryAfter) {
        return new RateLimitHeaders(limit, remaining, reset, retryAfter);
    }

    @Test
    void pacesRequestsEvenlyBelowThePerSecondLimitWithoutABurst() throws Exception {
        ApiBudget budget = new ApiBudget(10_000, 50, clock);

        for (int i = 0; i < 45; i++) {
            budget.acquire(PATIENT);
        }

        // 45 requests at 90 % of 50/s: one every 22.3 ms, the first at once
        assertThat(clock.slept()).isBetween(Duration.ofMillis(970), Duration.ofMillis(990));
        assertThat(budget.tryAcquire()).isPositive();
    }

    @Test
    void pacesToTheHourlyRateOnceTheHourIsSpent() throws Exception {
        ApiBudget budget = new ApiBudget(100, 100, clock);
        for (int i = 0; i < 100; i++) {
            budget.acquire(PATIENT);
        }
        Duration before = clock.slept();

        budget.acquire(PATIENT);

        // the hour's 100 requests, paced 11 ms apart, refilled the bucket a little meanwhile
        assertThat(clock.slept().minus(before)).isBetween(Duration.ofSeconds(34), Duration.ofSeconds(36));
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void neverCountsMoreLeftThanRailwayReportsAndTakesItsStatedLimit() {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        budget.observe(headers(500L, 7L, clock.now().plusSeconds(600), null));

        assertThat(budget.remaining()).isEqualTo(7);
        assertThat(budget.perHour()).isEqualTo(500);
    }

    @Test
    void aShortRetryAfterIsNotStretchedToTheHoursEndByTheResetHeader() throws Exception {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        // one 429 as Railway sends it once the budget is spent: nothing left until the reset, come back in 4 s
        budget.observe(headers(1000L, 0L, clock.now().plus(Duration.ofHours(1)), Duration.ofSeconds(4)));
        budget.rateLimited(clock.now().plusSeconds(4));

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));
        assertThat(budget.pausedUntil()).isEmpty();
    }

    @Test
    void theNewest429DecidesHowLongCallsWait() {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        budget.rateLimited(clock.now().plus(Duration.ofHours(1)));
        budget.rateLimited(clock.now().plusSeconds(2));

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWaitLongerThanThePatienceEndsTheCallWithTheTimeItResumes() {
        ApiBudget budget = new ApiBudget(1000, 10, clock);
        budget.rateLimited(clock.now().plus(Duration.ofMinutes(40)));

        ApiBudget.Exhausted spent = catchThrowableOfType(ApiBudget.Exhausted.class,
                () -> budget.acquire(Duration.ofSeconds(30)));

        assertThat(spent.resumesAt()).isEqualTo(clock.now().plus(Duration.ofMinutes(40)));
        assertThat(spent.refused()).isTrue();
        assertThat(clock.slept()).isZero();
    }

    @Test
    void theTimeAThreadWaitsForTheBudgetIsCountedUntilItsNextRun() throws Exception {
        ApiBudget budget = new ApiBudget(1000, 10, clock);
        budget.rateLimited(clock.now().plusSeconds(20));

        budget.acquire(PATIENT);

        assertThat(budget.waited(Thread.currentThread())).isEqualTo(Duration.ofSeconds(20));
        budget.resetWaits(Thread.currentThread());
        assertThat(budget.waited(Thread.currentThread())).isZero();
    }

    @Test
    void aBlockedCallerCanBeInterrupted() throws InterruptedException {
        ApiBudget budget = new ApiBudget(1000, 10, RailwayClock.system());
        budget.rateLimited(Instant.now().plus(Duration.ofHours(1)));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                budget.acquire(PATIENT);
            } catch (InterruptedException | ApiBudget.Exhausted ended) {
                outcome.set(ended);
            }
        });

        caller.start();
        caller.interrupt();
        caller.join();

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }
}
