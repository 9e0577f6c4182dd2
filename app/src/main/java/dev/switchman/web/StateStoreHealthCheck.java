package dev.switchman.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the state store answers a query within a couple of seconds. */
@Readiness
@ApplicationScoped
public class StateStoreHealthCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    public StateStoreHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet ignored = statement.executeQuery("select 1 from desired_state_loads limit 1")) {
                return HealthCheckResponse.up("state-store");
            }
        } catch (SQLException e) {
            return HealthCheckResponse.named("state-store").down()
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
