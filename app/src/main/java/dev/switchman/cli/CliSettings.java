package dev.switchman.cli;

import dev.switchman.config.StateStoreSettings;
import dev.switchman.redaction.Redactor;
import java.io.Console;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The settings every command reads from the environment, read the same way by all of them: the
 * desired-state directory ({@code SWITCHMAN_DESIRED_DIR}), the secrets directory, the daemon to ask
 * ({@code SWITCHMAN_SERVER}), whether a state store is configured ({@code DATABASE_URL}), and
 * whether to print colour.
 *
 * @param environment the process environment, or a map in tests
 * @param terminal whether standard output is a terminal a person reads
 */
record CliSettings(Map<String, String> environment, boolean terminal) {

    static final String DEFAULT_DESIRED_DIR = "desired-state";
    static final String DEFAULT_SERVER = "http://localhost:8080";
    /** Variables whose values are credentials: hidden in every message a command prints. */
    private static final List<String> CREDENTIALS = List.of("DATABASE_URL", "QUARKUS_DATASOURCE_PASSWORD",
            "RAILWAY_API_TOKEN", "RAILWAY_TOKEN", "SWITCHMAN_API_TOKEN", "SWITCHMAN_GIT_TOKEN",
            "SWITCHMAN_WEBHOOK_SECRET");

    CliSettings {
        environment = Map.copyOf(environment);
    }

    /** This process: its environment, and whether its output goes to a terminal. */
    static CliSettings ofProcess() {
        return new CliSettings(System.getenv(), interactiveTerminal());
    }

    /** The settings of the command line {@code spec} belongs to. */
    static CliSettings of(CommandLine.Model.CommandSpec spec) {
        return ((SwitchmanCommand) spec.root().userObject()).settings();
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code $SWITCHMAN_DESIRED_DIR}, else {@value #DEFAULT_DESIRED_DIR}; {@code given} wins when set. */
    Path desiredDir(Path given) {
        return given != null ? given : Path.of(variable("SWITCHMAN_DESIRED_DIR").orElse(DEFAULT_DESIRED_DIR));
    }

    /** {@code $SWITCHMAN_SECRETS_DIR}; {@code given} wins when set; null when neither. */
    Path secretsDir(Path given) {
        return given != null ? given : variable("SWITCHMAN_SECRETS_DIR").map(Path::of).orElse(null);
    }

    /** The daemon's base URL: {@code $SWITCHMAN_SERVER}, else {@value #DEFAULT_SERVER}; {@code given} wins. */
    String server(String given) {
        String server = given != null ? given : variable("SWITCHMAN_SERVER").orElse(DEFAULT_SERVER);
        return server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    /** Whether {@code DATABASE_URL} (or its JDBC form) names the daemon's state store. */
    boolean storeConfigured() {
        return StateStoreSettings.configured(environment, System.getProperties());
    }

    /** Colour only for a person at a terminal, never with {@code NO_COLOR} set (no-color.org) or {@code TERM=dumb}. */
    boolean colour() {
        return terminal && variable("NO_COLOR").isEmpty() && !"dumb".equals(environment.get("TERM"));
    }

    /** Hides the values of the credential variables set here, and credentials in URLs. */
    Redactor redactor() {
        return Redactor.of(CREDENTIALS.stream().map(environment::get).toList());
    }

    /**
     * True when standard input and output are a terminal. Since JDK 22 {@link System#console()} exists
     * even when output is piped, and only {@code Console.isTerminal()} (absent from the Java 21 API we
     * compile against) tells.
     */
    static boolean interactiveTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }
}
