package dev.switchman.web;

import dev.switchman.source.DesiredStateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Started once the state store's schema is migrated and the first desired-state load was attempted. */
@Startup
@ApplicationScoped
public class StartupHealthCheck implements HealthCheck {

    private final Flyway flyway;
    private final DesiredStateHolder holder;

    public StartupHealthCheck(Flyway flyway, DesiredStateHolder holder) {
        this.flyway = flyway;
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loadAttempted = holder.status().loadAttempted();
        try {
            MigrationInfo current = flyway.info().current();
            int pending = flyway.info().pending().length;
            return HealthCheckResponse.named("startup")
                    .status(current != null && pending == 0 && loadAttempted)
                    .withData("schemaVersion", current == null ? "none" : current.getVersion().getVersion())
                    .withData("pendingMigrations", pending)
                    .withData("desiredStateLoadAttempted", loadAttempted)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("startup").down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .withData("desiredStateLoadAttempted", loadAttempted)
                    .build();
        }
    }
}
