package dev.switchman.cli;

import dev.switchman.desired.LoadResult;
import dev.switchman.railway.RailwayAuth;
import dev.switchman.railway.RailwayConfig;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.store.EmbeddedPostgres;
import dev.switchman.web.ui.StatusPageAddress;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman serve}: the daemon. Without a configured database it starts an embedded
 * PostgreSQL for its own state first, so a newcomer needs no setup, and says loudly what that costs.
 */
@Command(name = "serve", description = "Run the daemon: watch the desired state, reconcile Railway toward it, and serve"
        + " health, metrics and the status API.",
        exitCodeList = {"0:stopped by SIGTERM or Ctrl-C", "1:could not start (the reason is printed), or a mistake on"
                + " the command line"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path dir;

    @Option(names = "--sandbox",
            description = "Reconcile against an in-process Railway sandbox seeded with the desired state's projects "
                    + "and environments, instead of Railway.")
    boolean sandbox;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliSettings settings = CliSettings.of(spec);
        if (dir != null) {
            // Without --dir, Quarkus reads SWITCHMAN_DESIRED_DIR itself, by the same rule as CliSettings.
            System.setProperty("switchman.desired.dir", dir.toString());
        }
        SandboxServer sandboxServer = sandbox ? startSandbox(settings, settings.desiredDir(dir)) : null;
        EmbeddedPostgres embedded = StateStoreBootstrap.ensure();
        try {
            AtomicInteger exitCode = new AtomicInteger();
            Quarkus.run(Daemon.class, (code, failure) -> {
                if (failure != null) {
                    // Quarkus wraps the reason (a bad setting, an unreachable database) in start-up exceptions.
                    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                        spec.commandLine().getErr().println("switchman: " + settings.redactor().redact(cause.getMessage()));
                    }
                    spec.commandLine().getErr().flush();
                }
                exitCode.set(code);
            }, embedded != null ? "embedded-store" : "", sandbox ? "sandbox" : "");
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

    private SandboxServer startSandbox(CliSettings settings, Path desired) {
        LoadResult result = DesiredStateInput.read(desired);
        DesiredStateInput.print(desired, result.diagnostics(), spec.commandLine().getErr(), Style.of(settings));
        if (result.hasErrors()) {
            throw new IllegalArgumentException(desired + " is invalid; the sandbox is seeded from it, so fix it first");
        }
        SandboxServer server = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(result.state()))).start(0);
        System.setProperty("switchman.railway.api-url", server.url() + "/graphql/v2");
        System.setProperty("switchman.railway.api-token", SandboxSeed.ACCOUNT_TOKEN);
        System.setProperty("switchman.railway.token", "");
        System.setProperty("switchman.sandbox.enabled", "true");
        System.setProperty("switchman.rollout.domain-base-url", server.url() + "/apps/");
        spec.commandLine().getOut().printf("Railway sandbox (in-process), seeded from %s:%n"
                + "  RAILWAY_API_URL=%s/graphql/v2%n  RAILWAY_API_TOKEN=%s%n"
                + "  admin routes (drift, faults): %s/sandbox/admin/... (docs/sandbox.md)%n",
                desired, server.url(), SandboxSeed.ACCOUNT_TOKEN, server.url());
        spec.commandLine().getOut().flush();
        return server;
    }

    /** Runs until SIGTERM or SIGINT; the work happens in scheduled beans. Says first what it runs on. */
    public static final class Daemon implements QuarkusApplication {

        private static final Logger LOG = Logger.getLogger(ServeCommand.class);

        @Inject
        RailwayConfig railway;

        @ConfigProperty(name = "quarkus.http.port")
        int port;

        @Override
        public int run(String... args) {
            boolean embeddedStore = args.length > 0 && args[0].equals("embedded-store");
            boolean sandbox = args.length > 1 && args[1].equals("sandbox");
            if (embeddedStore && !sandbox) {
                LOG.warn("no DATABASE_URL: Switchman's state (run history, quarantines, last-known-good deployments and"
                        + " the inventory of what it created, which prune relies on) is in an embedded PostgreSQL that is"
                        + " DELETED WHEN SWITCHMAN STOPS; set DATABASE_URL to keep it");
            }
            if (RailwayAuth.choose(railway.token(), railway.apiToken()).isEmpty()) {
                LOG.warn("no Railway token: set RAILWAY_TOKEN (a project token) or RAILWAY_API_TOKEN (an account or"
                        + " workspace token); until then every environment stalls as RailwayUnauthorized"
                        + " (also shown in /q/health/ready)");
            }
            System.out.println("Status page: " + StatusPageAddress.url());
            String base = "http://localhost:" + port;
            System.out.printf("Switchman is serving on %s. Try:%n  switchman status -w%s   |   curl -s %s/api/v1/environments"
                    + "   |   curl -s %s/q/health/ready%n", base, port == 8080 ? "" : " --server " + base, base, base);
            System.out.flush();
            Quarkus.waitForExit();
            return ExitCode.OK;
        }
    }
}
