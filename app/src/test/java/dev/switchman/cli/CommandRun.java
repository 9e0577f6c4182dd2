package dev.switchman.cli;

import dev.switchman.testing.RepositoryRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command line in-process, with an environment of the test's choosing, and keeps what it printed. The
 * desired state is the repository's examples unless the test says otherwise, as for a person at the repository's
 * root, where the default {@value CliSettings#DEFAULT_DESIRED_DIR} names them (the tests run in the module's folder).
 */
record CommandRun(int exitCode, String out, String err) {

    /** With an otherwise empty environment: every other setting at its default, output not a terminal. */
    static CommandRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    /** With {@code environment} as the process environment the commands read their settings from. */
    static CommandRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> variables = new HashMap<>(environment);
        variables.putIfAbsent("SWITCHMAN_DESIRED_DIR", RepositoryRoot.resolve(CliSettings.DEFAULT_DESIRED_DIR).toString());
        CommandLine commandLine = SwitchmanCommand.commandLine(CommandLine.defaultFactory(),
                new CliSettings(variables, false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
