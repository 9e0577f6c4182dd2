package dev.switchman.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return with(CommandLine.defaultFactory(), args);
    }

    /** Runs with the process environment replaced by {@code environment} for the commands that read it. */
    static CommandRun withEnvironment(Map<String, String> environment, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return with(new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == PlanCommand.class ? (K) new PlanCommand(environment) : defaults.create(type);
            }
        }, args);
    }

    private static CommandRun with(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SwitchmanCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
