package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which environments a diagnostic concerns: those whose values come from the file it names (the environment's
 * own file, its project's defaults). A file no environment took anything from (one broken beyond reading, or
 * new) concerns the environments declared beside it in the same directory; a problem with the tree as a whole
 * concerns every one.
 */
public final class DiagnosticScope {

    private static final String TREE = ".";

    private DiagnosticScope() {
    }

    /**
     * The errors among {@code diagnostics} that concern {@code environment}, rendered {@code file:line:column: ...}.
     *
     * @param declared every environment of the state in force (to know which files belong to another one)
     */
    public static List<String> errorsConcerning(List<Diagnostic> diagnostics, DesiredEnvironment environment,
            Collection<DesiredEnvironment> declared) {
        Set<String> own = files(environment);
        Set<String> claimed = new HashSet<>();
        declared.forEach(other -> claimed.addAll(files(other)));
        Set<String> directories = new HashSet<>();
        own.forEach(file -> directories.add(directory(file)));
        return diagnostics.stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .filter(d -> {
                    String file = d.location() == null ? TREE : d.location().file();
                    return TREE.equals(file) || own.contains(file)
                            || !claimed.contains(file) && directories.contains(directory(file));
                })
                .map(Diagnostic::render).toList();
    }

    private static Set<String> files(DesiredEnvironment environment) {
        Set<String> files = new HashSet<>();
        if (environment.source() != null) {
            files.add(environment.source().file());
        }
        environment.sources().locations().values().forEach(location -> files.add(location.file()));
        return files;
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
