package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a deployment's events page by page; Railway promises no order, so they are sorted by createdAt. */
final class DeploymentEventsReader {

    private static final int PAGE = 50;

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    DeploymentEventsReader(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    List<DeploymentEvent> read(String deploymentId) {
        List<DeploymentEvent> events = new ArrayList<>();
        String after = null;
        do {
            ObjectNode variables = json.createObjectNode().put("deploymentId", deploymentId).put("first", PAGE)
                    .put("after", after);
            JsonNode connection = caller.call(Operation.DEPLOYMENT_EVENTS, variables, "deployment " + deploymentId)
                    .path("deploymentEvents");
            ResponseReader.nodes(connection).forEach(node -> events.add(ResponseReader.deploymentEvent(node)));
            after = ResponseReader.nextCursor(connection, after);
        } while (after != null);
        return events.stream()
                .sorted(Comparator.comparing(DeploymentEvent::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
