package dev.switchman.railway;

import java.time.Duration;
import java.time.Instant;

/** Time for the budget and the retries: the system clock in production, a fake one in tests. */
public interface RailwayClock {

    Instant now();

    /** Blocks for {@code duration}; interruptible. */
    void sleep(Duration duration) throws InterruptedException;

    static RailwayClock system() {
        return new RailwayClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (duration.isPositive()) {
                    Thread.sleep(duration);
                }
            }
        };
    }
}
