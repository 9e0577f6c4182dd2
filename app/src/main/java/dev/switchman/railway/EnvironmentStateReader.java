package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads environments' state: one environment in one request, or one per 500 services, with every page's
 * serviceInstances edges merged into the first page's node so callers see a single answer; or several
 * environments in one request ({@link #readMany}), each under an alias.
 */
final class EnvironmentStateReader {

    private static final int SERVICE_INSTANCE_PAGE = 500;

    private final GraphqlCaller caller;
    private final ObjectMapper json;

    EnvironmentStateReader(GraphqlCaller caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    /**
     * The state of each of {@code environmentIds}, in one request: the {@code EnvironmentStates} document with its
     * {@code e0} variable and line repeated per environment. One whose service instances do not fit in a page,
     * or that Railway refuses, is left out (its run reads it alone).
     */
    Map<String, JsonNode> readMany(List<String> environmentIds, String template) {
        ObjectNode variables = json.createObjectNode().put("first", SERVICE_INSTANCE_PAGE).putNull("after");
        for (int i = 0; i < environmentIds.size(); i++) {
            variables.put("e" + i, environmentIds.get(i));
        }
        JsonNode data = caller.call(Operation.ENVIRONMENT_STATES, batchDocument(environmentIds.size(), template),
                variables, environmentIds.size() + " environments");
        Map<String, JsonNode> states = new LinkedHashMap<>();
        for (int i = 0; i < environmentIds.size(); i++) {
            JsonNode environment = data.path("e" + i);
            boolean complete = environment.isObject()
                    && !environment.path("serviceInstances").path("pageInfo").path("hasNextPage").asBoolean(false);
            if (complete) {
                states.put(environmentIds.get(i), environment);
            }
        }
        return states;
    }

    /** {@code template} (the {@code EnvironmentStates} document) with its {@code e0} variable and line repeated. */
    static String batchDocument(int count, String template) {
        StringBuilder definitions = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < count; i++) {
            definitions.append(i == 0 ? "" : ", ").append("$e").append(i).append(": String!");
            fields.append("  e").append(i).append(": environment(id: $e").append(i)
                    .append(") { ...EnvironmentFields }\n");
        }
        return template.replace("$e0: String!", definitions)
                .replace("  e0: environment(id: $e0) { ...EnvironmentFields }\n", fields);
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
