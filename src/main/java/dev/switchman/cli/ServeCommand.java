package dev.switchman.cli;

import dev.switchman.config.StateStoreSettings;
import dev.switchman.store.EmbeddedPostgres;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman serve}: the daemon. Without a configured database it starts an embedded
 * PostgreSQL for its own state first, so a newcomer needs no setup.
 */
@Command(name = "serve", description = "Run the daemon: watch the desired state and serve health, metrics and status.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR or desired-state).")
    Path dir;

    @Override
    public Integer call() {
        if (dir != null) {
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        EmbeddedPostgres embedded = null;
        if (!StateStoreSettings.configured()) {
            embedded = EmbeddedPostgres.startForOwnState();
            embedded.datasourceProperties().forEach(System::setProperty);
        }
        try {
            AtomicInteger exitCode = new AtomicInteger();
            Quarkus.run(Daemon.class, (code, failure) -> {
                if (failure != null) {
                    failure.printStackTrace();
                }
                exitCode.set(code);
            });
            return exitCode.get();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Runs until SIGTERM or SIGINT; the work happens in scheduled beans. */
    public static final class Daemon implements QuarkusApplication {
        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return ExitCode.OK;
        }
    }
}
