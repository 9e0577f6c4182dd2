package dev.switchman.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code switchman version}: prints the version and the runtime it runs on. */
@Command(name = "version", description = "Print Switchman's version and the runtime it runs on.")
final class VersionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        String java = Runtime.version().toString();
        String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        if (output.format.structured()) {
            Documents.print(spec.commandLine().getOut(), output.format, Documents.object()
                    .put("version", SwitchmanCommand.version()).put("java", java).put("os", os));
        } else {
            spec.commandLine().getOut().printf("switchman %s (Java %s, %s)%n", SwitchmanCommand.version(), java, os);
        }
        return ExitCode.OK;
    }
}
