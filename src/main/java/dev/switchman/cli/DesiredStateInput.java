package dev.switchman.cli;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.Diagnostic;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.SourceLocation;
import dev.switchman.secrets.EnvironmentSecrets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a desired-state tree and its secrets. */
final class DesiredStateInput {

    @Option(names = "--secrets-dir", paramLabel = "DIR",
            description = "Directory with one file per secret (as Docker and Kubernetes mount them); "
                    + "secrets are also looked up in the process environment. Default: $SWITCHMAN_SECRETS_DIR.")
    Path secretsDir;

    /** Loads {@code dir}, or explains why it cannot be read; diagnostics are printed as found. */
    LoadResult load(Path dir, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("desired-state directory " + dir + " does not exist or is not a directory");
        }
        LoadResult result = DesiredStateLoader.load(dir);
        print(dir, result.diagnostics(), err);
        return result;
    }

    Secrets secrets() {
        Path dir = secretsDir;
        if (dir == null && System.getenv("SWITCHMAN_SECRETS_DIR") != null) {
            dir = Path.of(System.getenv("SWITCHMAN_SECRETS_DIR"));
        }
        return new EnvironmentSecrets(dir, System.getenv());
    }

    /** Prints diagnostics with paths relative to where the user is, so editors and CI can link them. */
    static void print(Path dir, List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics) {
            SourceLocation at = d.location();
            SourceLocation fromHere = at.file().startsWith("<") ? at
                    : new SourceLocation(dir.resolve(at.file()).normalize().toString(), at.line(), at.column());
            err.println(new Diagnostic(d.severity(), fromHere, d.path(), d.message()).render());
        }
        err.flush();
    }

    static long count(List<Diagnostic> diagnostics, Diagnostic.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
