package dev.switchman.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process, with an environment of the test's choosing, and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    /** With an empty environment: every setting at its default, output not a terminal. */
    static CommandRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    /** With {@code environment} as the process environment the commands read their settings from. */
    static CommandRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SwitchmanCommand.commandLine(CommandLine.defaultFactory(),
                new CliSettings(environment, false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
