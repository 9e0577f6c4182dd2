package dev.switchman.cli;

import dev.switchman.store.EmbeddedPostgres;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** Boots Quarkus without the loop or a fixed HTTP port to run one command's application, with a database. */
final class QuarkusOnce {

    private QuarkusOnce() {
    }

    /** @param withoutDatabase printed when there is no DATABASE_URL and an embedded PostgreSQL stands in */
    static int run(CommandLine.Model.CommandSpec spec, Class<? extends QuarkusApplication> application, String argument,
            String withoutDatabase) {
        System.setProperty("switchman.reconcile.enabled", "false");
        System.setProperty("quarkus.http.port", "0");
        EmbeddedPostgres embedded = StateStoreBootstrap.ensure();
        if (embedded != null) {
            spec.commandLine().getErr().println("switchman: no DATABASE_URL: " + withoutDatabase);
        }
        try {
            AtomicInteger exitCode = new AtomicInteger(ExitCode.ERROR);
            Quarkus.run(application, (code, failure) -> {
                if (failure != null) {
                    spec.commandLine().getErr().println("switchman: " + failure.getMessage());
                }
                exitCode.set(code);
            }, argument);
            return exitCode.get();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
