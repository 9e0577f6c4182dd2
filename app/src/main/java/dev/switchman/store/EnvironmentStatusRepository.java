package dev.switchman.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The status of every environment (conditions, revision, last run, drift, pending changes): one
 * row per environment, written by the reconciler after each run, read by the status API.
 */
@ApplicationScoped
public class EnvironmentStatusRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = """
            select project, environment, conditions::text as conditions, revision, last_applied_revision,
                   last_run_id, last_result, drift::text as drift, pending_changes, suspended, updated_at,
                   provenance, details::text as details
            from environment_status""";

    private final Jdbc jdbc;

    public EnvironmentStatusRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Replaces the environment's status. */
    public void save(EnvironmentStatus status) {
        jdbc.update("""
                insert into environment_status (project, environment, conditions, revision, last_applied_revision,
                    last_run_id, last_result, drift, pending_changes, suspended, updated_at, provenance, details)
                values (?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)
                on conflict (project, environment) do update set conditions = excluded.conditions,
                    revision = excluded.revision, last_applied_revision = excluded.last_applied_revision,
                    last_run_id = excluded.last_run_id, last_result = excluded.last_result, drift = excluded.drift,
                    pending_changes = excluded.pending_changes, suspended = excluded.suspended,
                    updated_at = excluded.updated_at, provenance = excluded.provenance,
                    details = excluded.details""", s -> {
            s.setString(1, status.project());
            s.setString(2, status.environment());
            s.setString(3, conditionsJson(status.conditions()));
            s.setString(4, status.revision());
            s.setString(5, status.lastAppliedRevision());
            if (status.lastRunId() == null) {
                s.setNull(6, Types.BIGINT);
            } else {
                s.setLong(6, status.lastRunId());
            }
            s.setString(7, status.lastResult());
            s.setString(8, JSON.valueToTree(status.drift()).toString());
            s.setInt(9, status.pendingChanges());
            s.setBoolean(10, status.suspended());
            Jdbc.setInstant(s, 11, status.updatedAt());
            s.setString(12, status.provenance());
            ObjectNode details = JSON.createObjectNode();
            details.set("undeployed", JSON.valueToTree(status.undeployed()));
            details.set("diagnostics", JSON.valueToTree(status.diagnostics()));
            s.setString(13, details.toString());
        });
    }

    public Optional<EnvironmentStatus> find(String project, String environment) {
        return jdbc.queryOne(SELECT + " where project = ? and environment = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
        }, EnvironmentStatusRepository::map);
    }

    /** Every environment's status, by project then environment. */
    public List<EnvironmentStatus> list() {
        return jdbc.query(SELECT + " order by project, environment", s -> { }, EnvironmentStatusRepository::map);
    }

    private static String conditionsJson(List<EnvironmentCondition> conditions) {
        ArrayNode array = JSON.createArrayNode();
        for (EnvironmentCondition c : conditions) {
            array.addObject().put("type", c.type()).put("status", c.status()).put("reason", c.reason())
                    .put("message", c.message())
                    .put("lastTransitionTime", c.lastTransitionTime() == null ? null : c.lastTransitionTime().toString());
        }
        return array.toString();
    }

    private static EnvironmentStatus map(ResultSet row) throws SQLException {
        List<EnvironmentCondition> conditions = new ArrayList<>();
        for (JsonNode c : parse(row.getString("conditions"))) {
            JsonNode time = c.path("lastTransitionTime");
            conditions.add(new EnvironmentCondition(c.path("type").asText(), c.path("status").asText(),
                    c.path("reason").asText(null), c.path("message").asText(null),
                    time.isTextual() ? Instant.parse(time.asText()) : null));
        }
        List<String> drift = new ArrayList<>();
        parse(row.getString("drift")).forEach(address -> drift.add(address.asText()));
        JsonNode details = parse(row.getString("details"));
        Map<String, String> undeployed = new LinkedHashMap<>();
        details.path("undeployed").properties().forEach(e -> undeployed.put(e.getKey(), e.getValue().asText()));
        List<String> diagnostics = new ArrayList<>();
        details.path("diagnostics").forEach(d -> diagnostics.add(d.asText()));
        long runNumber = row.getLong("last_run_id");
        Long runId = row.wasNull() ? null : runNumber;
        return new EnvironmentStatus(row.getString("project"), row.getString("environment"), conditions,
                row.getString("revision"), row.getString("last_applied_revision"), runId,
                row.getString("last_result"), drift, row.getInt("pending_changes"), row.getBoolean("suspended"),
                Jdbc.instant(row, "updated_at"), row.getString("provenance"), undeployed, diagnostics);
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in environment_status", e);
        }
    }
}
