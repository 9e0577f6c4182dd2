package dev.switchman.web;

import dev.switchman.backup.BackupService;
import dev.switchman.source.DesiredStateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: a database without a recently verified backup is a warning in the data
 * ({@code switchman.backup.verified-age-warning}), never a reason to take Switchman out of service.
 */
@Readiness
@ApplicationScoped
public class BackupHealthCheck implements HealthCheck {

    private final DesiredStateHolder holder;
    private final BackupService service;

    public BackupHealthCheck(DesiredStateHolder holder, BackupService service) {
        this.holder = holder;
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backups").up();
        try {
            List<String> stale = holder.current()
                    .map(state -> service.staleVerifications(state.environments(), Instant.now())).orElse(List.of());
            response.withData("warnings", stale.size());
            for (int i = 0; i < stale.size(); i++) {
                response.withData("warning." + i, stale.get(i));
            }
        } catch (RuntimeException e) {
            response.withData("warning", "backup catalog unavailable: " + e.getMessage());
        }
        return response.build();
    }
}
