package dev.switchman.cli;

import dev.switchman.desired.LoadResult;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman sandbox}: runs the Railway sandbox on its own, for demos and for pointing
 * {@code switchman plan} or another daemon at it.
 */
@Command(name = "sandbox", description = "Run the local Railway stand-in (GraphQL at /graphql/v2) until interrupted.",
        exitCodeList = {"0:stopped by SIGTERM or Ctrl-C", "1:could not start, or a mistake on the command line"})
final class SandboxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DesiredStateInput input = new DesiredStateInput();

    @Option(names = "--port", paramLabel = "N", defaultValue = "4000",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Seed from this fixture (YAML or JSON, see docs/sandbox.md) instead of the desired state.")
    Path fixture;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        RailwaySandbox sandbox;
        String token;
        if (fixture != null) {
            sandbox = RailwaySandbox.fromFixture(fixture);
            token = "(the tokens listed in " + fixture + ")";
        } else {
            LoadResult result = input.load(CliSettings.of(spec), spec.commandLine().getErr());
            if (result.hasErrors()) {
                return ExitCode.ERROR;
            }
            sandbox = RailwaySandbox.fromFixture(SandboxSeed.fixture(result.state()));
            token = SandboxSeed.ACCOUNT_TOKEN;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SandboxServer server = new SandboxServer(sandbox).start(port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            out.printf("Railway sandbox listening on %s%n", server.url());
            out.printf("  export RAILWAY_API_URL=%s/graphql/v2%n", server.url());
            out.printf("  export RAILWAY_API_TOKEN=%s%n", token);
            out.printf("Try: switchman plan --all   (in another shell, after the two exports)%n");
            out.flush();
            stopped.await();
        }
        return ExitCode.OK;
    }
}
