package dev.switchman.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true, with an upper bound instead of a fixed sleep. */
public final class Eventually {

    private static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} when it does not within {@code bound}. */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still not true after " + bound + ": " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY_NANOS);
        }
    }
}
