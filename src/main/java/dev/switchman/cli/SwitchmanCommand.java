package dev.switchman.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code switchman}: the root command; running it without a subcommand prints usage. */
@Command(
        name = "switchman",
        mixinStandardHelpOptions = true,
        versionProvider = SwitchmanCommand.VersionProvider.class,
        description = "Keeps Railway environments equal to the desired state declared in YAML.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, RollbackCommand.class, RetryCommand.class, ServeCommand.class, SandboxCommand.class, MigrateCommand.class, BackupCommand.class, VersionCommand.class})
public final class SwitchmanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The command line as every entry point (the executable, tests) should configure it. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with its commands made by {@code factory} (tests give commands their own environment). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine commandLine = new CommandLine(new SwitchmanCommand(), factory);
        // Exit code 2 means "the plan has changes"; a usage mistake must not look like that.
        commandLine.getCommandSpec().subcommands().values()
                .forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.ERROR));
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.ERROR);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("switchman: " + exception.getMessage());
            return ExitCode.ERROR;
        });
        return commandLine;
    }

    /** The version Maven wrote into {@code switchman-version.properties}. */
    public static String version() {
        try (InputStream in = SwitchmanCommand.class.getResourceAsStream("/switchman-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"switchman " + version()};
        }
    }
}
