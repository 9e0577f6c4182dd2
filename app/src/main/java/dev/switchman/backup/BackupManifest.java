package dev.switchman.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What is known about one finished backup, written as JSON beside its dump ({@code <name>.json});
 * a dump without its manifest is not a backup.
 *
 * @param name the dump's object name without extension, unique per database
 * @param sha256 lower-case hex SHA-256 of the dump file
 * @param tables the tables ({@code schema.table}) the database had when it was dumped, which the archive must
 *        hold; empty in manifests written before they were recorded
 */
public record BackupManifest(String name, String project, String environment, String database,
        String serverVersion, long sizeBytes, Duration duration, String revision, BackupReason reason,
        String sha256, Instant createdAt, List<String> tables) {

    public BackupManifest {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The dump's object name: {@code <name>.dump}. */
    public String dumpKey() {
        return name + ".dump";
    }

    /** The manifest's object name: {@code <name>.json}. */
    public String manifestKey() {
        return name + ".json";
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("format", "switchman-backup/1")
                .put("name", name).put("project", project).put("environment", environment)
                .put("database", database).put("serverVersion", serverVersion).put("sizeBytes", sizeBytes)
                .put("durationMillis", duration.toMillis()).put("revision", revision)
                .put("reason", reason.label()).put("sha256", sha256).put("createdAt", createdAt.toString());
        tables.forEach(node.putArray("tables")::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BackupManifest fromJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return new BackupManifest(n.path("name").asText(), n.path("project").asText(),
                    n.path("environment").asText(), n.path("database").asText(), n.path("serverVersion").asText(),
                    n.path("sizeBytes").asLong(), Duration.ofMillis(n.path("durationMillis").asLong()),
                    n.path("revision").asText(null), BackupReason.fromLabel(n.path("reason").asText()),
                    n.path("sha256").asText(), Instant.parse(n.path("createdAt").asText()),
                    StreamSupport.stream(n.path("tables").spliterator(), false)
                            .map(JsonNode::asText).toList());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new BackupException("unreadable backup manifest: " + e.getMessage(), e);
        }
    }
}
