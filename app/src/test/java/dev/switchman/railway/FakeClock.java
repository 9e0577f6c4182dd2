package dev.switchman.railway;

import java.time.Duration;
import java.time.Instant;

/** A clock whose sleep moves time forward at once and adds up how long callers slept. */
final class FakeClock implements RailwayClock {

    private Instant now = Instant.parse("2026-09-01T10:00:00Z");
    private Duration slept = Duration.ZERO;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        now = now.plus(duration);
        slept = slept.plus(duration);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    synchronized Duration slept() {
        return slept;
    }
}
