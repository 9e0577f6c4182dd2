package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a project's topology, following the environments and services connections page by
 * page; a connection already read to its end is asked with {@code first: 0}.
 */
final class TopologyReader {

    private static final int ENVIRONMENTS_PAGE = 100;
    private static final int SERVICES_PAGE = 500;

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    TopologyReader(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    ProjectTopology read(String projectId) {
        List<ProjectTopology.Environment> environments = new ArrayList<>();
        List<ProjectTopology.Service> services = new ArrayList<>();
        Cursor environmentPages = new Cursor("environments", ENVIRONMENTS_PAGE);
        Cursor servicePages = new Cursor("services", SERVICES_PAGE);
        JsonNode project;
        do {
            ObjectNode variables = json.createObjectNode().put("projectId", projectId);
            environmentPages.putInto(variables);
            servicePages.putInto(variables);
            project = caller.call(Operation.PROJECT_TOPOLOGY, variables, "project " + projectId).path("project");
            environmentPages.advance(project).forEach(node -> environments.add(ResponseReader.environment(node)));
            servicePages.advance(project).forEach(node -> services.add(ResponseReader.service(node)));
        } while (environmentPages.more || servicePages.more);
        return new ProjectTopology(ResponseReader.text(project, "id"), ResponseReader.text(project, "name"),
                ResponseReader.text(project, "workspaceId"), environments, services);
    }

    /** Where one connection stands: its next cursor and whether pages remain. */
    private static final class Cursor {
        private final String connection;
        private final int pageSize;
        private String after;
        private boolean more = true;

        Cursor(String connection, int pageSize) {
            this.connection = connection;
            this.pageSize = pageSize;
        }

        void putInto(ObjectNode variables) {
            variables.put(connection + "First", more ? pageSize : 0);
            variables.put(connection + "After", after);
        }

        /** Returns the nodes of this page, or none once the connection is exhausted. */
        List<JsonNode> advance(JsonNode project) {
            if (!more) {
                return List.of();
            }
            JsonNode page = project.path(connection);
            String next = ResponseReader.nextCursor(page, after);
            more = next != null;
            after = more ? next : after;
            return ResponseReader.nodes(page);
        }
    }
}
