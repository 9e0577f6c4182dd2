package dev.switchman.web;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.source.DesiredStateHolder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The status API under {@code /api/v1/environments}: reads for anyone who can reach it; reconcile,
 * suspend and resume only with the bearer token. {@code {name}} is {@code project/env} (the slash
 * sent as {@code %2F}) or {@code env} alone when only one project declares it.
 */
@Path("/api/v1/environments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "environments", description = "Each declared environment's conditions, revision, history and controls")
@SecurityScheme(securitySchemeName = EnvironmentsResource.API_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "SWITCHMAN_API_TOKEN; without it configured the mutating endpoints answer 403")
@APIResponse(responseCode = "404", description = "EnvironmentNotFound: no declared environment has that name",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "409", description = "AmbiguousEnvironment: several projects declare it; use project%2Fname",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class EnvironmentsResource {

    static final String API_TOKEN = "apiToken";
    static final String NAME = "project/env with the slash sent as %2F (shop%2Fproduction), or env alone when"
            + " only one project declares it";

    private static final int MAX_HISTORY = 200;

    private final DesiredStateHolder holder;
    private final EnvironmentLookup lookup;
    private final EnvironmentViews views;
    private final ApiToken token;
    private final ReconcileLoop loop;

    public EnvironmentsResource(DesiredStateHolder holder, EnvironmentLookup lookup, EnvironmentViews views,
            ApiToken token, ReconcileLoop loop) {
        this.holder = holder;
        this.lookup = lookup;
        this.views = views;
        this.token = token;
        this.loop = loop;
    }

    /** Empty while no valid desired state was ever loaded. */
    @GET
    @Operation(summary = "Every declared environment", description = "Conditions, revision and provenance, last run"
            + " and suspension of each; empty while no valid desired state was ever loaded")
    public List<EnvironmentSummary> list() {
        return holder.current().map(views::summaries).orElse(List.of());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One environment in full", description = "Conditions with reasons, fingerprint and"
            + " provenance, last run, drift (field addresses, never values), pending changes, undeployed services,"
            + " diagnostics of an invalid desired state, schedule, last rollout, quarantine and held services")
    public EnvironmentDetail get(@Parameter(description = NAME) @PathParam("name") String name) {
        DesiredEnvironment environment = lookup.find(name);
        return views.detail(holder.current().orElseThrow(), environment);
    }

    @GET
    @Path("{name}/history")
    @Operation(summary = "Recent runs, events and rollouts", description = "Newest first; the state store keeps"
            + " them for switchman.retention.max-age and at most switchman.retention.max-runs runs per environment")
    public EnvironmentHistory history(@Parameter(description = NAME) @PathParam("name") String name,
            @Parameter(description = "rows of each kind, 1 to 200") @QueryParam("limit") @DefaultValue("20") int limit) {
        return views.history(lookup.find(name), Math.clamp(limit, 1, MAX_HISTORY));
    }

    @POST
    @Path("{name}/reconcile")
    @Operation(summary = "Reconcile now", description = "The leading replica runs it at its next tick")
    @SecurityRequirement(name = API_TOKEN)
    @APIResponse(responseCode = "202", description = "accepted",
            content = @Content(schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "401", description = "no bearer token, or a wrong one",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "MutationsDisabled: SWITCHMAN_API_TOKEN is not configured",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response reconcile(@Parameter(description = NAME) @PathParam("name") String name,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, name, environment -> {
            loop.trigger(environment, "api");
            return Response.accepted(new ActionResult(environment.qualifiedName(), "reconcile",
                    "the leading replica reconciles it at its next tick")).build();
        });
    }

    @POST
    @Path("{name}/suspend")
    @Operation(summary = "Suspend", description = "Still read and reported, nothing applied until resumed")
    @SecurityRequirement(name = API_TOKEN)
    @APIResponse(responseCode = "200", description = "suspended",
            content = @Content(schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "401", description = "no bearer token, or a wrong one",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "MutationsDisabled: SWITCHMAN_API_TOKEN is not configured",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response suspend(@Parameter(description = NAME) @PathParam("name") String name,
            @Parameter(description = "shown in the status") @QueryParam("reason") String reason,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, name, environment -> {
            loop.suspend(environment, reason);
            return Response.ok(new ActionResult(environment.qualifiedName(), "suspend",
                    "suspended: still read and reported, nothing is applied until it is resumed")).build();
        });
    }

    @POST
    @Path("{name}/resume")
    @Operation(summary = "Resume", description = "policy.suspend in the YAML, when set, still suspends it")
    @SecurityRequirement(name = API_TOKEN)
    @APIResponse(responseCode = "200", description = "resumed",
            content = @Content(schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "401", description = "no bearer token, or a wrong one",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "MutationsDisabled: SWITCHMAN_API_TOKEN is not configured",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response resume(@Parameter(description = NAME) @PathParam("name") String name,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, name, environment -> {
            loop.resume(environment);
            String message = environment.policy().suspend()
                    ? "resumed through the API, but policy.suspend in the YAML still suspends it"
                    : "resumed: it runs at the next tick";
            return Response.ok(new ActionResult(environment.qualifiedName(), "resume", message)).build();
        });
    }

    private Response authorized(String authorization, String name,
            Function<DesiredEnvironment, Response> action) {
        Optional<Response> refusal = token.refusal(authorization);
        return refusal.orElseGet(() -> action.apply(lookup.find(name)));
    }
}
