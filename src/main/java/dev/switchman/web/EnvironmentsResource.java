package dev.switchman.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.switchman.desired.DesiredState;
import dev.switchman.reconcile.DesiredStateHolder;

/** {@code GET /api/v1/environments}: the environments the desired state in force declares. */
@Path("/api/v1/environments")
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {

    private final DesiredStateHolder holder;

    public EnvironmentsResource(DesiredStateHolder holder) {
        this.holder = holder;
    }

    /** Empty while no valid desired state was ever loaded. */
    @GET
    public List<EnvironmentSummary> list() {
        return holder.current().map(EnvironmentsResource::summaries).orElse(List.of());
    }

    private static List<EnvironmentSummary> summaries(DesiredState state) {
        return state.environments().stream()
                .map(e -> new EnvironmentSummary(e.project(), e.name(), state.revision(), e.services().size()))
                .toList();
    }
}
