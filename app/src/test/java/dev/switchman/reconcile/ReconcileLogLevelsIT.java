package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One INFO line per state change: a run that repeats the state it found (a requeue, a no-op interval) is DEBUG. Only
 * the runs of this test's thread count: the logger is the JVM's, and a daemon an earlier Quarkus test left running
 * (the status page's, with its reconcile loop on) logs its own runs to it too.
 */
class ReconcileLogLevelsIT extends SandboxReconcileIT {

    private final Logger logger = Logger.getLogger(EnvironmentReconciler.class.getName());
    private long testThread;
    private final List<LogRecord> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() == testThread && record.getMessage() != null
                    && String.valueOf(record.getMessage()).startsWith("reconciled ")) {
                lines.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void listen() {
        testThread = Thread.currentThread().threadId();
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setLevel(previous);
    }

    @Test
    void aRepeatedStateIsDebugAndAChangeIsInfo() {
        DesiredEnvironment desired = h.desire("""
                services:
                  api:
                    source: {image: "ghcr.io/acme/api:1.0"}
                """);

        h.reconcile(desired);                    // deployments started: Progressing, a new state
        h.reconcile(desired);                    // deployments in progress: another state
        h.reconcile(desired);                    // still in progress: a requeue that repeats it
        h.sandbox.advance(Duration.ofMinutes(2));
        h.reconcile(desired);                    // converged: a new state
        h.reconcile(desired);                    // a no-op interval run

        assertThat(lines).extracting(r -> isInfo(r) ? "INFO" : "DEBUG")
                .containsExactly("INFO", "INFO", "DEBUG", "INFO", "DEBUG");
    }

    private static boolean isInfo(LogRecord record) {
        return record.getLevel().intValue() >= Level.INFO.intValue();
    }
}
