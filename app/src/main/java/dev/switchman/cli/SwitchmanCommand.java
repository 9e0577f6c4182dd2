package dev.switchman.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code switchman}: the root command. Its help and version options, exit codes and the usage-error
 * exit code are inherited by every subcommand; a command without a subcommand is a usage error.
 */
@Command(
        name = "switchman",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = SwitchmanCommand.VersionProvider.class,
        exitCodeOnInvalidInput = ExitCode.ERROR,
        exitCodeOnExecutionException = ExitCode.ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error, or a mistake on the command line"},
        usageHelpAutoWidth = true,
        description = "Keeps Railway environments equal to the desired state declared in YAML.",
        footerHeading = "%n",
        footer = "Run 'switchman help COMMAND' or 'switchman COMMAND --help' for a command's options.",
        subcommands = {ValidateCommand.class, PlanCommand.class, ApplyCommand.class, StatusCommand.class,
                RollbackCommand.class, RetryCommand.class, ServeCommand.class, SandboxCommand.class,
                MigrateCommand.class, BackupCommand.class, VersionCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class SwitchmanCommand {

    private final CliSettings settings;

    SwitchmanCommand(CliSettings settings) {
        this.settings = settings;
    }

    CliSettings settings() {
        return settings;
    }

    /** The command line as the executable runs it: this process's environment and terminal. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory(), CliSettings.ofProcess());
    }

    /** The command line with commands made by {@code factory}, reading {@code settings} (tests give their own). */
    static CommandLine commandLine(CommandLine.IFactory factory, CliSettings settings) {
        CommandLine commandLine = new CommandLine(new SwitchmanCommand(settings), factory);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                settings.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("switchman: " + settings.redactor().redact(String.valueOf(exception.getMessage())));
            cmd.getErr().flush();
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

    /** Supplies {@code --version} to every command. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"switchman " + version()};
        }
    }
}
