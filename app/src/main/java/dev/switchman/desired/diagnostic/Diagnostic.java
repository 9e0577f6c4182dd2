package dev.switchman.desired.diagnostic;

import java.util.Comparator;
import java.util.Locale;

/**
 * One problem found in the desired state.
 *
 * @param path where in the merged model, for example
 *     {@code production.services.backend.deploy.healthcheckTimeout}
 * @param message what is wrong and what to do about it; never contains a secret value
 */
public record Diagnostic(Severity severity, SourceLocation location, String path, String message) {

    /** File, line, column, then path: the order people read a report in. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column())
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::message);

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(SourceLocation location, String path, String message) {
        return new Diagnostic(Severity.ERROR, location, path, message);
    }

    public static Diagnostic warning(SourceLocation location, String path, String message) {
        return new Diagnostic(Severity.WARNING, location, path, message);
    }

    /** {@code file:line:col: error: path: message}, the format editors and CI annotate. */
    public String render() {
        return location + ": " + severity.name().toLowerCase(Locale.ROOT) + ": "
                + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
