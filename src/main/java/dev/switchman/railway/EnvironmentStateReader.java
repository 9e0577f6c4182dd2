package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one environment's state: one request, or one per 500 services, with every page's
 * serviceInstances edges merged into the first page's node so callers see a single answer.
 */
final class EnvironmentStateReader {

    private static final int SERVICE_INSTANCE_PAGE = 500;

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    EnvironmentStateReader(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    JsonNode read(String environmentId) {
        ObjectNode variables = json.createObjectNode().put("environmentId", environmentId)
                .put("first", SERVICE_INSTANCE_PAGE);
        ObjectNode environment = null;
        ArrayNode edges = json.createArrayNode();
        String cursor = null;
        do {
            variables.put("after", cursor);
            JsonNode page = caller.call(Operation.ENVIRONMENT_STATE, variables, "environment " + environmentId)
                    .path("environment");
            if (!page.isObject()) {
                throw new RailwayException.Rejected(Operation.ENVIRONMENT_STATE,
                        "response has no environment object for " + environmentId, null, null);
            }
            environment = environment == null ? (ObjectNode) page.deepCopy() : environment;
            JsonNode instances = page.path("serviceInstances");
            instances.path("edges").forEach(edges::add);
            String next = instances.path("pageInfo").path("hasNextPage").asBoolean(false)
                    ? ResponseReader.text(instances.path("pageInfo"), "endCursor") : null;
            if (next != null && next.equals(cursor)) {
                throw new RailwayException.Rejected(Operation.ENVIRONMENT_STATE,
                        "serviceInstances pagination did not advance past " + cursor, null, null);
            }
            cursor = next;
        } while (cursor != null);
        ObjectNode merged = json.createObjectNode();
        merged.set("pageInfo", json.createObjectNode().put("hasNextPage", false).putNull("endCursor"));
        merged.set("edges", edges);
        environment.set("serviceInstances", merged);
        return environment;
    }
}
