package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** The event history of each environment, append-only. */
@ApplicationScoped
public class EventRepository {

    private final Jdbc jdbc;

    public EventRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Stores the event (its id is ignored) and returns the id it got. */
    public long append(EnvironmentEvent event) {
        return jdbc.insert("""
                insert into events (project, environment, occurred_at, type, reason, message, details)
                values (?, ?, ?, ?, ?, ?, ?::jsonb) returning id""", s -> {
            s.setString(1, event.project());
            s.setString(2, event.environment());
            Jdbc.setInstant(s, 3, event.time());
            s.setString(4, event.type());
            s.setString(5, event.reason());
            s.setString(6, event.message());
            s.setString(7, event.detailsJson());
        });
    }

    /** The latest events of one environment, newest first. */
    public List<EnvironmentEvent> recent(String project, String environment, int limit) {
        return jdbc.query("""
                select id, project, environment, occurred_at, type, reason, message, details::text as details
                from events where project = ? and environment = ?
                order by occurred_at desc, id desc limit ?""", s -> {
            s.setString(1, project);
            s.setString(2, environment);
            s.setInt(3, limit);
        }, row -> new EnvironmentEvent(row.getLong("id"), row.getString("project"), row.getString("environment"),
                Jdbc.instant(row, "occurred_at"), row.getString("type"), row.getString("reason"),
                row.getString("message"), row.getString("details")));
    }
}
