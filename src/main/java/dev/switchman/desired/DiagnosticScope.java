package dev.switchman.desired;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which environments a diagnostic concerns: those whose values come from the file it names (the environment's
 * own file, its project's defaults), and those declared beside it in the same directory (a file broken beyond
 * reading still sits where its environment lives). A problem with the tree as a whole concerns every one.
 */
public final class DiagnosticScope {

    private static final String TREE = ".";

    private DiagnosticScope() {
    }

    /** The errors among {@code diagnostics} that concern {@code environment}, rendered {@code file:line:column: ...}. */
    public static List<String> errorsConcerning(List<Diagnostic> diagnostics, DesiredEnvironment environment) {
        Set<String> files = new HashSet<>();
        if (environment.source() != null) {
            files.add(environment.source().file());
        }
        environment.sources().locations().values().forEach(location -> files.add(location.file()));
        Set<String> directories = new HashSet<>();
        files.forEach(file -> directories.add(directory(file)));
        return diagnostics.stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .filter(d -> {
                    String file = d.location() == null ? TREE : d.location().file();
                    return TREE.equals(file) || files.contains(file) || directories.contains(directory(file));
                })
                .map(Diagnostic::render).toList();
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
