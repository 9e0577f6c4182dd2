package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a project's id by its exact name. A project token reaches one project, which
 * {@code projectToken} names; Railway refuses it {@code projects}. An account or workspace token
 * pages through every project it can see, 100 at a time; two projects of the same name are an
 * error, since either could be the wrong one.
 */
final class ProjectFinder {

    private static final int PAGE = 100;

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    ProjectFinder(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    Optional<String> find(String name) {
        return caller.authSource().filter(source -> source == RailwayAuth.Source.PROJECT_TOKEN).isPresent()
                ? throughProjectToken(name)
                : throughProjects(name);
    }

    private Optional<String> throughProjectToken(String name) {
        JsonNode project = caller.call(Operation.PROJECT_TOKEN, json.createObjectNode(), "the project token")
                .path("projectToken").path("project");
        return name.equals(ResponseReader.text(project, "name"))
                ? Optional.ofNullable(ResponseReader.text(project, "id"))
                : Optional.empty();
    }

    private Optional<String> throughProjects(String name) {
        List<JsonNode> matches = new ArrayList<>();
        String after = null;
        do {
            ObjectNode variables = json.createObjectNode().put("first", PAGE).put("after", after);
            JsonNode page = caller.call(Operation.PROJECTS, variables, "project " + name).path("projects");
            ResponseReader.nodes(page).stream().filter(node -> name.equals(ResponseReader.text(node, "name")))
                    .forEach(matches::add);
            after = ResponseReader.nextCursor(page, after);
        } while (after != null);
        if (matches.size() > 1) {
            List<String> named = matches.stream().map(node -> ResponseReader.text(node, "id")
                    + " (workspace " + ResponseReader.text(node, "workspaceId") + ")").toList();
            throw new RailwayException.Rejected(Operation.PROJECTS, "the token sees " + matches.size()
                    + " projects named " + name + ": " + String.join(", ", named)
                    + "; declare railwayProjectId to choose one", null, null);
        }
        return matches.stream().findFirst().map(node -> ResponseReader.text(node, "id"));
    }
}
