package dev.switchman.web.ui;

import dev.switchman.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The reads the overview makes for every environment at once: one query each for held services, quarantined
 * revisions and the runs of the last hours, where the repositories would take one query per environment (a
 * hundred environments would spend the page's time budget on round trips). Keys are {@code project/env}.
 */
@ApplicationScoped
public class PageRecords {

    private static final String RUNS_BY_SLICE = """
            select e.project, e.environment, floor(date_part('epoch', r.started_at) / ?)::bigint as slice,
              count(*) filter (where r.result = 'Converged') as converged,
              count(*) filter (where r.result = 'Progressing') as progressing,
              count(*) filter (where r.result = 'Retry') as retry,
              count(*) filter (where r.result = 'Stalled') as stalled,
              count(*) filter (where r.result is null) as running
            from unnest(?::text[], ?::text[]) as e(project, environment)
            join reconcile_runs r on r.project = e.project and r.environment = e.environment and r.started_at >= ?
              and r.started_at < ?
            group by 1, 2, 3""";

    private final DataSource store;

    public PageRecords(DataSource store) {
        this.store = store;
    }

    /** Environment -> the services held on their last verified source, by name. */
    Map<String, List<String>> heldServices() {
        Map<String, List<String>> held = new HashMap<>();
        query("select project, environment, service from held_services order by service", s -> { },
                row -> held.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row.getString("service")));
        return held;
    }

    /** Environment -> its quarantined revision. */
    Map<String, String> quarantinedRevisions() {
        Map<String, String> quarantined = new HashMap<>();
        query("select project, environment, revision from quarantined_revisions", s -> { },
                row -> quarantined.put(key(row), row.getString("revision")));
        return quarantined;
    }

    /**
     * Environment -> start of each slice of {@code slice} in {@code [from, to)} that has runs -> how they ended.
     *
     * @param environments {@code project/env} names; one lookup each on the runs' index
     */
    Map<String, Map<Instant, RunCounts>> runsBySlice(List<String> environments, Duration slice, Instant from,
            Instant to) {
        Map<String, Map<Instant, RunCounts>> runs = new HashMap<>();
        long seconds = slice.toSeconds();
        query(RUNS_BY_SLICE, s -> {
            s.setLong(1, seconds);
            s.setArray(2, s.getConnection().createArrayOf("text",
                    environments.stream().map(e -> e.substring(0, e.indexOf('/'))).toArray()));
            s.setArray(3, s.getConnection().createArrayOf("text",
                    environments.stream().map(e -> e.substring(e.indexOf('/') + 1)).toArray()));
            s.setTimestamp(4, Timestamp.from(from));
            s.setTimestamp(5, Timestamp.from(to));
        }, row -> runs.computeIfAbsent(key(row), k -> new HashMap<>()).put(
                Instant.ofEpochSecond(row.getLong("slice") * seconds), new RunCounts(row.getInt("converged"),
                        row.getInt("progressing"), row.getInt("retry"), row.getInt("stalled"), row.getInt("running"))));
        return runs;
    }

    private static String key(ResultSet row) throws SQLException {
        return row.getString("project") + "/" + row.getString("environment");
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = store.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }
}
