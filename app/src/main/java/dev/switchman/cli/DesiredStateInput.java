package dev.switchman.cli;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.secrets.EnvironmentSecrets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --dir} and {@code --secrets-dir}: the options of every command that reads the desired state and its secrets. */
final class DesiredStateInput {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The desired-state directory (default: $SWITCHMAN_DESIRED_DIR, else desired-state).")
    Path dir;

    @Option(names = "--secrets-dir", paramLabel = "DIR",
            description = "Directory with one file per secret (as Docker and Kubernetes mount them); "
                    + "secrets are also looked up in the environment (default: $SWITCHMAN_SECRETS_DIR).")
    Path secretsDir;

    /** The directory to read: {@code --dir}, else the settings' default. */
    Path dir(CliSettings settings) {
        return settings.desiredDir(dir);
    }

    /** Loads {@link #dir(CliSettings)}, or explains why it cannot be read; diagnostics are printed as found. */
    LoadResult load(CliSettings settings, PrintWriter err) {
        Path dir = dir(settings);
        LoadResult result = read(dir);
        print(dir, result.diagnostics(), err, Style.of(settings));
        return result;
    }

    /** Loads {@code dir}, printing nothing; throws when it is not a directory. */
    static LoadResult read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("desired-state directory " + dir + " does not exist or is not a"
                    + " directory (set --dir or SWITCHMAN_DESIRED_DIR)");
        }
        return DesiredStateLoader.load(dir);
    }

    Secrets secrets(CliSettings settings) {
        return new EnvironmentSecrets(settings.secretsDir(secretsDir), settings.environment());
    }

    /** Prints diagnostics with paths relative to where the user is, so editors and CI can link them. */
    static void print(Path dir, List<Diagnostic> diagnostics, PrintWriter err, Style style) {
        relativeTo(dir, diagnostics).forEach(d -> err.println(render(d, style)));
        err.flush();
    }

    /** {@code file:line:col: error: path: message}, the severity in colour at a terminal. */
    static String render(Diagnostic d, Style style) {
        String plain = d.render();
        String severity = d.severity() == Diagnostic.Severity.ERROR ? ": error: " : ": warning: ";
        int at = plain.indexOf(severity);
        if (at < 0 || !style.enabled()) {
            return plain;
        }
        String word = severity.substring(2, severity.length() - 2);
        String painted = d.severity() == Diagnostic.Severity.ERROR ? style.red(word) : style.yellow(word);
        return plain.substring(0, at) + ": " + painted + ": " + plain.substring(at + severity.length());
    }

    /** The diagnostics with their files as seen from the working directory. */
    static List<Diagnostic> relativeTo(Path dir, List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> {
            SourceLocation at = d.location();
            SourceLocation fromHere = at.file().startsWith("<") ? at
                    : new SourceLocation(dir.resolve(at.file()).normalize().toString(), at.line(), at.column());
            return new Diagnostic(d.severity(), fromHere, d.path(), d.message());
        }).toList();
    }

    static long count(List<Diagnostic> diagnostics, Diagnostic.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
