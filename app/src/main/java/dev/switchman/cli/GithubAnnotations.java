package dev.switchman.cli;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.List;
import java.util.Locale;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=T::message}), which a
 * workflow run shows as annotations on the pull request's files.
 */
final class GithubAnnotations {

    enum Level { ERROR, WARNING, NOTICE }

    private GithubAnnotations() {
    }

    static String of(Level level, SourceLocation at, String title, String message) {
        StringBuilder line = new StringBuilder("::").append(level.name().toLowerCase(Locale.ROOT));
        String separator = " ";
        if (at != null && at.line() > 0) {
            line.append(separator).append("file=").append(property(at.file())).append(",line=").append(at.line());
            if (at.column() > 0) {
                line.append(",col=").append(at.column());
            }
            separator = ",";
        }
        if (title != null) {
            line.append(separator).append("title=").append(property(title));
        }
        return line.append("::").append(data(message)).toString();
    }

    /** One annotation per diagnostic, its file as given (relative to the working directory, as a checkout has it). */
    static List<String> of(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> of(d.severity() == Diagnostic.Severity.ERROR ? Level.ERROR : Level.WARNING,
                d.location(), d.path().isEmpty() ? null : d.path(), d.message())).toList();
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
