package dev.switchman.web;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.source.DesiredStateStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a valid desired state was loaded. A later invalid revision keeps it ready (the last
 * valid state stays in force) but shows in the data.
 */
@Readiness
@ApplicationScoped
public class DesiredStateHealthCheck implements HealthCheck {

    private final DesiredStateHolder holder;

    public DesiredStateHealthCheck(DesiredStateHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        DesiredStateStatus status = holder.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("desired-state")
                .status(status.inForce() != null)
                .withData("directory", holder.root().toString())
                .withData("environments", status.environmentCount())
                .withData("errors", status.errorCount());
        if (status.inForce() != null) {
            response.withData("revision", status.inForce().revision());
        }
        if (status.latestRevision() != null && !status.latestValid()) {
            response.withData("invalidRevision", status.latestRevision());
        }
        status.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst()
                .ifPresent(firstError -> response.withData("firstError", firstError.render()));
        return response.build();
    }
}
