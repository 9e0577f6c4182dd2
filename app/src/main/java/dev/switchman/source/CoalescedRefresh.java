package dev.switchman.source;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Runs a refresh on its own thread when asked, without blocking the asker. Requests that arrive while
 * one runs fold into one more run after it: a burst of webhook deliveries costs at most two fetches,
 * and a push that lands during a fetch is never missed.
 */
final class CoalescedRefresh implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CoalescedRefresh.class);

    private final Runnable refresh;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "switchman-desired-refresh");
        thread.setDaemon(true);
        return thread;
    });

    CoalescedRefresh(Runnable refresh) {
        this.refresh = refresh;
    }

    void request() {
        requested.set(true);
        startIfIdle();
    }

    private void startIfIdle() {
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                try {
                    refresh.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "desired-state refresh failed");
                }
            }
        } finally {
            running.set(false);
        }
        if (requested.get()) {
            startIfIdle();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
