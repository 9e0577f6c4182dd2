package dev.switchman.cli;

import dev.switchman.desired.LoadResult;
import dev.switchman.store.EmbeddedPostgres;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * Boots Quarkus for one command (apply, rollback, retry) as a tool, not a daemon: no HTTP listener,
 * no reconcile loop or schedules, warnings only in the log; with the configured state store or an
 * embedded PostgreSQL.
 */
final class QuarkusOnce {

    /** What a one-shot run turns off: it answers no requests and runs nothing on a timer. */
    private static final Map<String, String> ONE_SHOT = Map.of(
            "switchman.reconcile.enabled", "false",
            "quarkus.http.host-enabled", "false",
            "quarkus.scheduler.enabled", "false",
            "quarkus.log.level", "WARN");

    private QuarkusOnce() {
    }

    /**
     * @param dir {@code --dir}, or null for the settings' desired-state directory
     * @param withoutDatabase printed when there is no DATABASE_URL and an embedded PostgreSQL stands in
     * @param args handed to the application
     */
    static int run(CommandLine.Model.CommandSpec spec, Path dir, Class<? extends QuarkusApplication> application,
            String withoutDatabase, String... args) {
        CliSettings settings = CliSettings.of(spec);
        ONE_SHOT.forEach(System::setProperty);
        if (dir != null) {
            // Without --dir, Quarkus reads SWITCHMAN_DESIRED_DIR itself, by the same rule as CliSettings.
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        EmbeddedPostgres embedded = StateStoreBootstrap.ensure();
        if (embedded != null) {
            spec.commandLine().getErr().println("switchman: no DATABASE_URL: " + withoutDatabase);
        }
        try {
            AtomicInteger exitCode = new AtomicInteger(ExitCode.ERROR);
            Quarkus.run(application, (code, failure) -> {
                if (failure != null) {
                    spec.commandLine().getErr().println("switchman: " + settings.redactor().redact(failure.getMessage()));
                    spec.commandLine().getErr().flush();
                }
                exitCode.set(code);
            }, args);
            return exitCode.get();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Checks, before anything boots, that the desired state loads and declares {@code environment}: a typo
     * is answered at once, not after a state store and Quarkus have started.
     */
    static void requireEnvironment(CliSettings settings, Path dir, String environment) {
        Path root = settings.desiredDir(dir);
        LoadResult result = DesiredStateInput.read(root);
        if (result.hasErrors()) {
            throw new IllegalArgumentException("the desired state in " + root + " is invalid; see: switchman validate " + root);
        }
        Names.environment(result.state(), environment);
    }

    /** Refuses a command that only makes sense on the daemon's own state store when none is configured. */
    static void requireStore(CliSettings settings, String command, String why) {
        if (!settings.storeConfigured()) {
            throw new IllegalArgumentException("switchman " + command + " needs the daemon's state store (" + why
                    + "): set DATABASE_URL (or QUARKUS_DATASOURCE_JDBC_URL) to the database 'switchman serve' uses");
        }
    }
}
