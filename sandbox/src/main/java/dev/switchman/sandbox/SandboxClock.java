package dev.switchman.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's time. Virtual (tests): time stands still until {@link #advance} moves it, so every
 * lifecycle step is deterministic. Real (demos, standalone): wall-clock time.
 */
public final class SandboxClock {

    private final boolean real;
    private Instant virtualNow;

    private SandboxClock(boolean real, Instant start) {
        this.real = real;
        this.virtualNow = start;
    }

    public static SandboxClock virtual(Instant start) {
        return new SandboxClock(false, start);
    }

    /** Virtual clock starting at a fixed, round instant. */
    public static SandboxClock virtual() {
        return virtual(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static SandboxClock real() {
        return new SandboxClock(true, null);
    }

    public boolean isReal() {
        return real;
    }

    public synchronized Instant now() {
        return real ? Instant.now() : virtualNow;
    }

    /** Moves virtual time forward; RailwaySandbox.advance also runs the lifecycle up to the new time. */
    synchronized void advance(Duration duration) {
        if (real) {
            throw new IllegalStateException("a real-time sandbox clock cannot be advanced");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        virtualNow = virtualNow.plus(duration);
    }
}
