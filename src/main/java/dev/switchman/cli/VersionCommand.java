package dev.switchman.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchman version}: prints the version and the runtime it runs on. */
@Command(name = "version", description = "Print Switchman's version.")
final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("switchman %s (Java %s, %s/%s)%n",
                SwitchmanCommand.version(), Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        return ExitCode.OK;
    }
}
