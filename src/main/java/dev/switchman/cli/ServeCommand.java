package dev.switchman.cli;

import dev.switchman.desired.LoadResult;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.store.EmbeddedPostgres;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
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

    @Option(names = "--sandbox",
            description = "Reconcile against an in-process Railway sandbox seeded with the desired state's projects "
                    + "and environments, instead of Railway.")
    boolean sandbox;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (dir != null) {
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        SandboxServer sandboxServer = sandbox ? startSandbox() : null;
        EmbeddedPostgres embedded = StateStoreBootstrap.ensure();
        try {
            AtomicInteger exitCode = new AtomicInteger();
            Quarkus.run(Daemon.class, (code, failure) -> {
                if (failure != null) {
                    // Quarkus wraps the reason (a bad setting, an unreachable database) in start-up exceptions.
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        spec.commandLine().getErr().println("switchman: " + cause.getMessage());
                    }
                    spec.commandLine().getErr().flush();
                }
                exitCode.set(code);
            });
            return exitCode.get();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (sandboxServer != null) {
                sandboxServer.close();
            }
        }
    }

    private SandboxServer startSandbox() {
        Path desired = Path.of(System.getProperty("switchman.desired.dir",
                Objects.requireNonNullElse(System.getenv("SWITCHMAN_DESIRED_DIR"), "desired-state")));
        LoadResult result = new DesiredStateInput().load(desired, spec.commandLine().getErr());
        if (result.hasErrors()) {
            throw new IllegalArgumentException(desired + " is invalid; the sandbox is seeded from it, so fix it first");
        }
        SandboxServer server = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(result.state()))).start(0);
        System.setProperty("switchman.railway.api-url", server.url() + "/graphql/v2");
        System.setProperty("switchman.railway.api-token", SandboxSeed.ACCOUNT_TOKEN);
        System.setProperty("switchman.railway.token", "");
        System.setProperty("switchman.sandbox.enabled", "true");
        System.setProperty("switchman.rollout.domain-base-url", server.url() + "/apps/");
        spec.commandLine().getOut().printf("Railway sandbox (in-process) at %s/graphql/v2, seeded from %s%n",
                server.url(), desired);
        spec.commandLine().getOut().flush();
        return server;
    }

    /** Runs until SIGTERM or SIGINT; the work happens in scheduled beans. */
    public static final class Daemon implements QuarkusApplication {
        @Override
        public int run(String... args) {
            System.out.println("Status page: " + dev.switchman.web.ui.StatusPageAddress.url());
            Quarkus.waitForExit();
            return ExitCode.OK;
        }
    }
}
