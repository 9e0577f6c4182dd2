package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import java.util.List;

/**
 * What loading a desired-state tree produced: the state (null when any error was found) and every
 * diagnostic, sorted by file, line and column.
 */
public record LoadResult(DesiredState state, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
