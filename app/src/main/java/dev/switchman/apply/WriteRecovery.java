package dev.switchman.apply;

import java.time.Duration;

/**
 * How writes guard against what they cannot see. A request Railway is still executing (a slow mutation the client
 * gave up on) shows up only after it lands, so the outcome of a write whose answer was lost is looked for
 * {@code checks} times, {@code settle} apart, before it is sent again; and a plan made on a read older than
 * {@code guardAfter} (a batch read, or a backup taken in between) is checked against a fresh read first.
 */
public record WriteRecovery(Duration settle, int checks, Sleeper sleeper, Duration guardAfter) {

    public WriteRecovery(Duration settle, int checks, Sleeper sleeper) {
        this(settle, checks, sleeper, Duration.ofSeconds(2));
    }

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
