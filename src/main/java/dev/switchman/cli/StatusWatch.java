package dev.switchman.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code status -w}: looks again every interval and shows the status only when it changed, like
 * {@code kubectl get -w}; a daemon that cannot be reached is said once, and again when it changes.
 */
final class StatusWatch {

    /** Waits between two looks; the command sleeps, tests step. */
    interface Pause {
        void after(Duration interval) throws InterruptedException;
    }

    private final Duration interval;
    private final Pause pause;

    StatusWatch(Duration interval, Pause pause) {
        this.interval = interval;
        this.pause = pause;
    }

    /**
     * @param look what the daemon reports now (compared with the last look, not its rendering, whose ages
     *     change by the second), or throws {@link DaemonClient.Unavailable}
     * @param show receives each report that differs from the one before
     * @param unavailable receives why the daemon could not be asked, when that changed
     * @param stop asked before each look; the command never stops by itself
     */
    <T> void run(Supplier<T> look, Consumer<T> show, Consumer<String> unavailable, BooleanSupplier stop)
            throws InterruptedException {
        Object previous = null;
        while (!stop.getAsBoolean()) {
            try {
                T current = look.get();
                if (!Objects.equals(current, previous)) {
                    show.accept(current);
                    previous = current;
                }
            } catch (DaemonClient.Unavailable failure) {
                if (!Objects.equals(failure.getMessage(), previous)) {
                    unavailable.accept(failure.getMessage());
                    previous = failure.getMessage();
                }
            }
            pause.after(interval);
        }
    }
}
