package dev.switchman.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What a mistake on the command line prints: the mistake, a did-you-mean where picocli has one,
 * and where to read more; the whole usage only when a subcommand is missing. Exit code 1, never 2,
 * which means "changes pending" for {@code plan --detailed-exitcode}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException mistake, String[] args) {
        CommandLine command = mistake.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (String.valueOf(mistake.getMessage()).startsWith("Missing required subcommand")) {
            command.usage(err, command.getColorScheme());
            return ExitCode.ERROR;
        }
        err.println(name + ": " + mistake.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(mistake, err);
        err.println("Run '" + name + " --help' for usage.");
        err.flush();
        return ExitCode.ERROR;
    }
}
