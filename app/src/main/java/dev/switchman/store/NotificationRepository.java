package dev.switchman.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The notification states sent (for deduplication across restarts) and the delivery log. */
@ApplicationScoped
public class NotificationRepository {

    private final Jdbc jdbc;

    public NotificationRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<NotificationAlert> alert(String environment, String service, String topic) {
        return jdbc.queryOne("""
                select environment, service, topic, kind, state_key, open, updated_at from notification_alerts
                where environment = ? and service = ? and topic = ?""", s -> {
            s.setString(1, environment);
            s.setString(2, service);
            s.setString(3, topic);
        }, row -> new NotificationAlert(row.getString("environment"), row.getString("service"),
                row.getString("topic"), row.getString("kind"), row.getString("state_key"), row.getBoolean("open"),
                Jdbc.instant(row, "updated_at")));
    }

    public void saveAlert(NotificationAlert alert) {
        jdbc.update("""
                insert into notification_alerts (environment, service, topic, kind, state_key, open, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (environment, service, topic) do update set kind = excluded.kind,
                    state_key = excluded.state_key, open = excluded.open, updated_at = excluded.updated_at""", s -> {
            s.setString(1, alert.environment());
            s.setString(2, alert.service());
            s.setString(3, alert.topic());
            s.setString(4, alert.kind());
            s.setString(5, alert.stateKey());
            s.setBoolean(6, alert.open());
            Jdbc.setInstant(s, 7, alert.updatedAt());
        });
    }

    public void logDelivery(NotificationDelivery delivery) {
        jdbc.update("""
                insert into notification_deliveries (environment, service, kind, target, result, attempts,
                    http_status, error, waits_ms, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s -> {
            s.setString(1, delivery.environment());
            s.setString(2, delivery.service());
            s.setString(3, delivery.kind());
            s.setString(4, delivery.target());
            s.setString(5, delivery.result());
            s.setInt(6, delivery.attempts());
            if (delivery.httpStatus() == null) {
                s.setNull(7, Types.INTEGER);
            } else {
                s.setInt(7, delivery.httpStatus());
            }
            s.setString(8, delivery.error());
            s.setString(9, delivery.waitsMillis().stream().map(String::valueOf).collect(Collectors.joining(",")));
            Jdbc.setInstant(s, 10, delivery.finishedAt());
        });
    }

    /** The latest deliveries for one environment ({@code project/name}), newest first. */
    public List<NotificationDelivery> deliveries(String environment, int limit) {
        return jdbc.query("""
                select * from notification_deliveries where environment = ? order by id desc limit ?""", s -> {
            s.setString(1, environment);
            s.setInt(2, limit);
        }, NotificationRepository::delivery);
    }

    private static NotificationDelivery delivery(ResultSet row) throws SQLException {
        int status = row.getInt("http_status");
        Integer httpStatus = row.wasNull() ? null : status;
        String waits = row.getString("waits_ms");
        List<Long> waitsMillis = waits.isEmpty() ? List.of() : Arrays.stream(waits.split(",")).map(Long::valueOf)
                .toList();
        return new NotificationDelivery(row.getString("environment"), row.getString("service"), row.getString("kind"),
                row.getString("target"), row.getString("result"), row.getInt("attempts"), httpStatus,
                row.getString("error"), waitsMillis, Jdbc.instant(row, "finished_at"));
    }
}
