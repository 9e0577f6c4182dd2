package dev.switchman.desired;

import dev.switchman.desired.Documents.EnvironmentDocument;
import dev.switchman.desired.Documents.ProjectDocument;
import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.shape.DidYouMean;
import dev.switchman.desired.shape.ShapeValidator;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts valid documents together: each environment with its project's defaults merged in, checked
 * again once merged (required fields, exclusive fields) and then semantically.
 */
final class ProjectAssembler {

    private final Path root;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private ProjectAssembler(Path root) {
        this.root = root;
    }

    /** @param fingerprints each environment's {@link EnvironmentFingerprint}, by {@code project/name} */
    record Assembly(List<DesiredProject> projects, Map<String, String> fingerprints, List<Diagnostic> diagnostics) {
    }

    private final Map<String, String> fingerprints = new HashMap<>();

    static Assembly assemble(Documents documents, Path root) {
        ProjectAssembler assembler = new ProjectAssembler(root);
        List<DesiredProject> projects = assembler.projects(documents);
        return new Assembly(projects, assembler.fingerprints, assembler.diagnostics);
    }

    private List<DesiredProject> projects(Documents documents) {
        Map<String, ProjectDocument> projects = new LinkedHashMap<>();
        for (ProjectDocument p : documents.projects) {
            ProjectDocument first = projects.putIfAbsent(p.name(), p);
            if (first != null) {
                diagnostics.add(Diagnostic.error(p.location(), p.name(), "project " + p.name()
                        + " is already declared at " + first.location()));
            }
        }
        Map<String, Map<String, DesiredEnvironment>> environments = new HashMap<>();
        Map<String, EnvironmentDocument> seen = new HashMap<>();
        for (EnvironmentDocument env : documents.environments) {
            ProjectDocument project = projects.get(env.project());
            if (project == null) {
                unknownProject(env, documents, projects);
                continue;
            }
            EnvironmentDocument first = seen.putIfAbsent(env.project() + "/" + env.name(), env);
            if (first != null) {
                diagnostics.add(Diagnostic.error(env.location(), env.name(), "environment " + env.name()
                        + " of project " + env.project() + " is already declared at " + first.location()));
                continue;
            }
            environment(project, env).ifPresent(e -> environments
                    .computeIfAbsent(project.name(), k -> new LinkedHashMap<>()).put(e.name(), e));
        }
        List<DesiredProject> result = new ArrayList<>();
        for (ProjectDocument p : projects.values()) {
            Map<String, DesiredEnvironment> envs = environments.getOrDefault(p.name(), Map.of());
            if (!documents.mentionedProjects.contains(p.name())) {
                diagnostics.add(Diagnostic.warning(p.location(), p.name(), "project " + p.name()
                        + " has no Environment documents; its defaults apply to nothing"));
            }
            result.add(new DesiredProject(p.name(), p.railwayProjectId(), envs));
        }
        return result;
    }

    private Optional<DesiredEnvironment> environment(ProjectDocument project, EnvironmentDocument env) {
        MapNode merged = Merger.merge(project.defaults(), env.spec());
        List<ShapeValidator.Problem> problems = ShapeValidator.validate(merged, LanguageShape.environmentSpec(),
                ShapeValidator.Mode.MERGED);
        problems.forEach(p -> diagnostics.add(Diagnostic.error(p.location(),
                DiagnosticPaths.render(env.name(), p.path()), p.message())));
        // Merged problems are missing or conflicting fields, which binding tolerates: checking on
        // reports the semantic problems too, and the errors keep the state from being used.
        DesiredEnvironment bound = EnvironmentBinder.bind(env, merged);
        diagnostics.addAll(SemanticChecks.check(bound, root));
        fingerprints.put(bound.qualifiedName(), EnvironmentFingerprint.of(project, env, merged, bound, root));
        return Optional.of(bound);
    }

    private void unknownProject(EnvironmentDocument env, Documents documents, Map<String, ProjectDocument> projects) {
        if (documents.brokenProjects.contains(env.project())) {
            return; // the project's own errors say what is wrong
        }
        String hint = DidYouMean.suggest(env.project(), projects.keySet()).map(s -> "; did you mean " + s + "?")
                .orElse(projects.isEmpty() ? "; the tree declares no Project (kind: Project)"
                        : "; projects: " + String.join(", ", projects.keySet()));
        diagnostics.add(Diagnostic.error(env.projectLocation(), env.name() + ".metadata.project",
                "unknown project \"" + env.project() + "\"" + hint));
    }
}
