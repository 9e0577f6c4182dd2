package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The inventory of what Switchman created: pruning deletes nothing that is not listed here. */
@ApplicationScoped
public class InventoryRepository {

    private static final String COLUMNS = "project, environment, kind, name, railway_id, created_at, revision";

    private final Jdbc jdbc;

    public InventoryRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Adds the entry, or replaces the Railway id and revision of the one with the same key. */
    public void record(InventoryEntry entry) {
        jdbc.update("insert into inventory (" + COLUMNS + """
                ) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (project, environment, kind, name)
                do update set railway_id = excluded.railway_id, revision = excluded.revision""", s -> {
            s.setString(1, entry.project());
            s.setString(2, entry.environment());
            s.setString(3, entry.kind());
            s.setString(4, entry.name());
            s.setString(5, entry.railwayId());
            Jdbc.setInstant(s, 6, entry.createdAt());
            s.setString(7, entry.revision());
        });
    }

    public Optional<InventoryEntry> find(String project, String environment, String kind, String name) {
        return jdbc.queryOne("select " + COLUMNS
                + " from inventory where project = ? and environment = ? and kind = ? and name = ?", s -> {
                    s.setString(1, project);
                    s.setString(2, environment);
                    s.setString(3, kind);
                    s.setString(4, name);
                }, InventoryRepository::map);
    }

    /** Everything created in one environment, by kind then name. */
    public List<InventoryEntry> list(String project, String environment) {
        return jdbc.query("select " + COLUMNS
                + " from inventory where project = ? and environment = ? order by kind, name", s -> {
                    s.setString(1, project);
                    s.setString(2, environment);
                }, InventoryRepository::map);
    }

    /** Forgets an entry once the thing was deleted; true when there was one. */
    public boolean remove(String project, String environment, String kind, String name) {
        return jdbc.update("delete from inventory where project = ? and environment = ? and kind = ? and name = ?", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setString(3, kind);
            s.setString(4, name);
        }) == 1;
    }

    private static InventoryEntry map(ResultSet row) throws SQLException {
        return new InventoryEntry(row.getString("project"), row.getString("environment"), row.getString("kind"),
                row.getString("name"), row.getString("railway_id"), Jdbc.instant(row, "created_at"),
                row.getString("revision"));
    }
}
