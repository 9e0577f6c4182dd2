package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns response nodes into the API's records; tolerant of fields Railway leaves null. Pure. */
final class ResponseReader {

    private ResponseReader() {
    }

    static Deployment deployment(JsonNode node) {
        JsonNode meta = node.path("meta");
        return new Deployment(text(node, "id"), text(node, "serviceId"), text(node, "environmentId"),
                text(node, "status"), instant(node, "createdAt"), instant(node, "statusUpdatedAt"),
                node.path("canRedeploy").asBoolean(false), node.path("canRollback").asBoolean(false),
                node.path("deploymentStopped").asBoolean(false), text(node, "staticUrl"),
                meta.isMissingNode() || meta.isNull() ? null : meta);
    }

    static DeploymentEvent deploymentEvent(JsonNode node) {
        JsonNode payload = node.path("payload");
        return new DeploymentEvent(text(node, "id"), text(node, "step"), instant(node, "createdAt"),
                instant(node, "completedAt"), text(payload, "error"), text(payload, "reason"), text(payload, "detail"),
                integer(payload, "attempt"), integer(payload, "maxAttempts"), integer(payload, "durationMs"),
                payload.path("skipped").isBoolean() ? payload.path("skipped").booleanValue() : null);
    }

    static VolumeBackup volumeBackup(JsonNode node) {
        return new VolumeBackup(text(node, "id"), text(node, "name"), instant(node, "createdAt"),
                instant(node, "expiresAt"), integer(node, "usedMB"), integer(node, "referencedMB"),
                text(node, "scheduleId"));
    }

    static ProjectTopology.Environment environment(JsonNode node) {
        return new ProjectTopology.Environment(text(node, "id"), text(node, "name"),
                node.path("isEphemeral").asBoolean(false), node.path("unmergedChangesCount").asInt(0));
    }

    static ProjectTopology.Service service(JsonNode node) {
        return new ProjectTopology.Service(text(node, "id"), text(node, "name"));
    }

    /** The nodes of a Relay connection's edges. */
    static List<JsonNode> nodes(JsonNode connection) {
        List<JsonNode> nodes = new ArrayList<>();
        connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }

    /**
     * The cursor of the page after {@code connection}'s, or null when there is none: no next page, no
     * cursor, or the same cursor again (a server that does not advance would otherwise be read forever).
     */
    static String nextCursor(JsonNode connection, String after) {
        JsonNode pageInfo = connection.path("pageInfo");
        String next = text(pageInfo, "endCursor");
        return pageInfo.path("hasNextPage").asBoolean(false) && next != null && !next.equals(after) ? next : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.intValue() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException notRfc3339) {
            return null;
        }
    }
}
