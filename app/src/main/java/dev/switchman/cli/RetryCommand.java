package dev.switchman.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman retry --env E}: lifts the environment's quarantine and deploys the services of
 * the rollout that failed again; the daemon follows and verifies the new rollout.
 */
@Command(name = "retry", description = "Lift the quarantine of an environment's failed revision and roll it out again."
        + " Needs the daemon's state store (DATABASE_URL).",
        exitCodeList = {"0:lifted, or nothing was quarantined", "1:no state store, an error, or a mistake on the command line"})
final class RetryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME", description = "The environment: NAME or PROJECT/NAME.")
    String environment;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path dir;

    @Override
    public Integer call() {
        return RolloutOperation.run(spec, dir, (rollouts, environment, environmentId, fingerprint, provenance) -> {
            var lifted = rollouts.retry(environment, environmentId, "by switchman retry");
            System.out.println(lifted.map(q -> environment.qualifiedName() + ": quarantine of revision " + q.revision()
                    + " lifted (" + q.reason() + "); its services are deployed again")
                    .orElse(environment.qualifiedName() + ": nothing is quarantined"));
            return ExitCode.OK;
        }, this.environment);
    }
}
