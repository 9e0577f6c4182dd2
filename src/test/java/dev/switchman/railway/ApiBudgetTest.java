package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void paces_bursts_to_the_per_second_rate() throws InterruptedException {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(budget.acquire()).isFalse();
        }
        assertThat(budget.acquire()).isTrue();

        assertThat(clock.slept()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void paces_to_the_hourly_rate_once_the_hour_is_spent() throws InterruptedException {
        ApiBudget budget = new ApiBudget(100, 100, clock);
        for (int i = 0; i < 100; i++) {
            budget.acquire();
        }
        Duration before = clock.slept();

        budget.acquire();

        assertThat(clock.slept().minus(before)).isEqualTo(Duration.ofSeconds(36));
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void never_counts_more_left_than_railway_reports() {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        budget.observe(7, clock.now().plusSeconds(600));

        assertThat(budget.remaining()).isEqualTo(7);
    }

    @Test
    void waits_for_the_window_to_reset_when_railway_reports_nothing_left() {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        budget.observe(0, clock.now().plusSeconds(600));

        assertThat(budget.tryAcquire()).isEqualTo(Duration.ofSeconds(600));
        clock.advance(Duration.ofSeconds(600));
        assertThat(budget.tryAcquire()).isZero();
    }

    @Test
    void a_pause_holds_every_caller_until_it_ends() throws InterruptedException {
        ApiBudget budget = new ApiBudget(1000, 10, clock);

        budget.pauseUntil(clock.now().plusSeconds(30));

        assertThat(budget.acquire()).isTrue();
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_blocked_caller_can_be_interrupted() throws InterruptedException {
        ApiBudget budget = new ApiBudget(1000, 10, RailwayClock.system());
        budget.pauseUntil(java.time.Instant.now().plus(Duration.ofHours(1)));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                budget.acquire();
            } catch (InterruptedException interrupted) {
                outcome.set(interrupted);
            }
        });

        caller.start();
        caller.interrupt();
        caller.join();

        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }
}
