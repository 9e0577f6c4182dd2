package dev.switchman.cli;

import dev.switchman.store.RolloutRow;
import dev.switchman.store.RolloutState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code switchman rollback --env E --service S [--to DEPLOYMENT] --yes}: rolls one service back
 * (to its last-known-good deployment unless {@code --to} names one), waits until the rolled-back
 * deployment passes its checks, and quarantines the revision it replaced; recorded in history.
 */
@Command(name = "rollback", description = "Roll one service back to its last-known-good deployment (or --to), verify it, "
        + "and quarantine the current revision. Needs the daemon's state store (DATABASE_URL).",
        exitCodeList = {"0:rolled back and verified", "1:not rolled back or not verified, no state store, an error,"
                + " or a mistake on the command line"})
final class RollbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME", description = "The environment: NAME or PROJECT/NAME.")
    String environment;

    @Option(names = {"--service", "-s"}, required = true, paramLabel = "SERVICE", description = "The service to roll back.")
    String service;

    @Option(names = "--to", paramLabel = "DEPLOYMENT", description = "The deployment id to go back to.")
    String to;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path dir;

    @Option(names = "--yes", description = "Required: a rollback changes what Railway serves.")
    boolean yes;

    @Override
    public Integer call() {
        if (!yes) {
            spec.commandLine().getErr().println("switchman: rollback changes what Railway serves; pass --yes to confirm");
            return ExitCode.ERROR;
        }
        return RolloutOperation.run(spec, dir, (rollouts, environment, environmentId, fingerprint, provenance) -> {
            if (!environment.services().containsKey(service)) {
                throw new IllegalArgumentException(Names.missing("service", service, environment.qualifiedName(),
                        environment.services().keySet()));
            }
            RolloutRow row = rollouts.rollback(environment, environmentId, fingerprint, provenance, service, to,
                    "switchman rollback (pid " + ProcessHandle.current().pid() + ")", RolloutOperation::pause);
            System.out.printf("%s: %s rollback of %s: %s (rollout %d)%n", environment.qualifiedName(), row.state(),
                    service, row.servicesJson(), row.id());
            return row.is(RolloutState.ROLLED_BACK) ? ExitCode.OK : ExitCode.ERROR;
        }, this.environment);
    }
}
