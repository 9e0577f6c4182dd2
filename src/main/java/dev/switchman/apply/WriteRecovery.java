package dev.switchman.apply;

import java.time.Duration;

/**
 * How long to look for the outcome of a write whose answer was lost before sending it again: a request Railway
 * is still executing (a slow mutation the client gave up on) shows up only after it lands, so the state is read
 * {@code checks} times, {@code settle} apart.
 */
public record WriteRecovery(Duration settle, int checks, Sleeper sleeper) {

    /** Waits; a test sleeps on its own clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final WriteRecovery DEFAULT = new WriteRecovery(Duration.ofSeconds(10), 3,
            duration -> Thread.sleep(duration.toMillis()));

    /** Waits {@code settle} before the next look; an interrupt ends the wait (the state is read at once). */
    void pause() {
        try {
            sleeper.sleep(settle);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
