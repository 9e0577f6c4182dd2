package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.shape.ShapeValidator;
import dev.switchman.desired.yaml.YamlDocument;
import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import dev.switchman.desired.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts YAML documents into Project and Environment documents, after checking each against the
 * language's shape. Names of documents that failed are remembered so that their mistakes do not
 * cascade (an environment of a broken project is not also "of an unknown project").
 */
final class Documents {

    /** A valid Project document; {@code defaults} is empty when it declares none. */
    record ProjectDocument(String name, String railwayProjectId, MapNode defaults, SourceLocation location) {
    }

    /** A valid Environment document; {@code spec} is empty when it declares none. */
    record EnvironmentDocument(String name, String project, String railwayEnvironmentId, MapNode spec,
            SourceLocation location, SourceLocation projectLocation) {
    }

    final List<ProjectDocument> projects = new ArrayList<>();
    final List<EnvironmentDocument> environments = new ArrayList<>();
    final Set<String> brokenProjects = new LinkedHashSet<>();
    /** Projects named by any Environment document, valid or not. */
    final Set<String> mentionedProjects = new LinkedHashSet<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    void add(YamlDocument document) {
        YamlNode root = document.root();
        SourceLocation at = root.location();
        if (YamlNode.isNull(root)) {
            diagnostics.add(Diagnostic.warning(at, "", "empty document; ignored"));
            return;
        }
        if (!(root instanceof MapNode map)) {
            diagnostics.add(Diagnostic.error(at, "", "a document must be a mapping with apiVersion, kind,"
                    + " metadata and spec; got " + root.describe()));
            return;
        }
        String kind = text(map, "kind").orElse("");
        String name = metadata(map, "name").orElse("");
        if (kind.equals("Environment")) {
            metadata(map, "project").ifPresent(mentionedProjects::add);
        }
        List<ShapeValidator.Problem> problems = ShapeValidator.validate(map, LanguageShape.document(),
                ShapeValidator.Mode.DOCUMENT);
        for (ShapeValidator.Problem p : problems) {
            diagnostics.add(Diagnostic.error(p.location(), DiagnosticPaths.render(name, p.path()), p.message()));
        }
        if (!problems.isEmpty()) {
            if (kind.equals("Project")) {
                brokenProjects.add(name);
            }
            return;
        }
        MapNode spec = map.get("spec").map(MapNode.class::cast).orElse(new MapNode(List.of(), at));
        SourceLocation nameAt = map.get("metadata").map(MapNode.class::cast).flatMap(m -> m.get("name"))
                .map(YamlNode::location).orElse(at);
        if (kind.equals("Project")) {
            MapNode defaults = spec.get("defaults").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                    .orElse(new MapNode(List.of(), nameAt));
            projects.add(new ProjectDocument(name, text(spec, "railwayProjectId").orElse(null), defaults, nameAt));
        } else {
            SourceLocation projectAt = map.get("metadata").map(MapNode.class::cast).flatMap(m -> m.get("project"))
                    .map(YamlNode::location).orElse(at);
            environments.add(new EnvironmentDocument(name, metadata(map, "project").orElse(""),
                    text(spec, "railwayEnvironmentId").orElse(null), spec, nameAt, projectAt));
        }
    }

    private static Optional<String> metadata(MapNode document, String key) {
        return document.get("metadata").filter(MapNode.class::isInstance).map(MapNode.class::cast)
                .flatMap(m -> text(m, key));
    }

    static Optional<String> text(MapNode map, String key) {
        return map.get(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .filter(s -> !s.isNull()).map(ScalarNode::text);
    }
}
