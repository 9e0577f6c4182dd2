package dev.switchman.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
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
     * @param look what the daemon reports now, or throws {@link DaemonClient.Unavailable}
     * @param changes what of a report counts as a change (not its rendering, whose ages move by the second)
     * @param show receives each report whose {@code changes} differ from the last one shown
     * @param unavailable receives why the daemon could not be asked, when that changed
     * @param stop asked before each look; the command never stops by itself
     */
    <T> void run(Supplier<T> look, Function<T, ?> changes, Consumer<T> show, Consumer<String> unavailable,
            BooleanSupplier stop) throws InterruptedException {
        Object previous = null;
        while (!stop.getAsBoolean()) {
            try {
                T current = look.get();
                Object key = changes.apply(current);
                if (!Objects.equals(key, previous)) {
                    show.accept(current);
                    previous = key;
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
