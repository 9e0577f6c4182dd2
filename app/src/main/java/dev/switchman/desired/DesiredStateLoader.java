package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlDocument;
import dev.switchman.desired.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a desired-state tree: every {@code *.yaml}/{@code *.yml} file below the root, validated,
 * merged and bound to records. Never throws on bad input; every problem becomes a diagnostic, all
 * of them at once, in file/line order.
 */
public final class DesiredStateLoader {

    private DesiredStateLoader() {
    }

    /**
     * Loads the tree at {@code root}. The state is null when any error was found; an empty tree
     * gives an empty state and a warning (an empty desired set must never lead to deletes).
     */
    public static LoadResult load(Path root) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            SourceTree.Scan scan = SourceTree.scan(root);
            diagnostics.addAll(scan.diagnostics());
            Documents documents = new Documents();
            for (SourceTree.SourceFile file : scan.files()) {
                read(file, diagnostics).forEach(documents::add);
            }
            diagnostics.addAll(documents.diagnostics);
            ProjectAssembler.Assembly assembly = ProjectAssembler.assemble(documents, root);
            diagnostics.addAll(assembly.diagnostics());
            DesiredState state = new DesiredState(TreeRevision.of(root), assembly.projects(), assembly.fingerprints());
            if (state.isEmpty() && diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
                diagnostics.add(Diagnostic.warning(new SourceLocation(".", 0, 0), "", "no environments declared;"
                        + " an empty desired state is never acted on"));
            }
            LoadResult result = new LoadResult(state, diagnostics);
            return result.hasErrors() ? new LoadResult(null, diagnostics) : result;
        } catch (RuntimeException | StackOverflowError e) {
            // a bug, not bad input; still a diagnostic, so that callers keep enforcing the last good state
            diagnostics.add(Diagnostic.error(new SourceLocation(".", 0, 0), "", "internal error while loading: "
                    + e));
            return new LoadResult(null, diagnostics);
        }
    }

    private static List<YamlDocument> read(SourceTree.SourceFile file, List<Diagnostic> diagnostics) {
        SourceLocation at = new SourceLocation(file.path(), 0, 0);
        TextDecoder.Decoded decoded = TextDecoder.decode(file.bytes());
        if (decoded.problem() != null) {
            diagnostics.add(Diagnostic.error(at, "", decoded.problem()));
            return List.of();
        }
        if (decoded.text().isBlank()) {
            diagnostics.add(Diagnostic.warning(at, "", "empty file; ignored"));
            return List.of();
        }
        YamlReader.Result result = YamlReader.read(file.path(), decoded.text());
        diagnostics.addAll(result.diagnostics());
        if (result.diagnostics().isEmpty() && result.documents().isEmpty()) {
            diagnostics.add(Diagnostic.warning(at, "", "no YAML documents (only comments?); ignored"));
        }
        return result.documents();
    }
}
