package dev.switchman.web;

import java.util.List;
import java.util.Optional;

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

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.reconcile.ReconcileLoop;

/**
 * The status API under {@code /api/v1/environments}: reads for anyone who can reach it; reconcile,
 * suspend and resume only with the bearer token. {@code {name}} is {@code project/env} (the slash
 * sent as {@code %2F}) or {@code env} alone when only one project declares it.
 */
@Path("/api/v1/environments")
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {

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
    public List<EnvironmentSummary> list() {
        return holder.current().map(views::summaries).orElse(List.of());
    }

    @GET
    @Path("{name}")
    public EnvironmentDetail get(@PathParam("name") String name) {
        DesiredEnvironment environment = lookup.find(name);
        return views.detail(holder.current().orElseThrow(), environment);
    }

    @GET
    @Path("{name}/history")
    public EnvironmentHistory history(@PathParam("name") String name,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return views.history(lookup.find(name), Math.clamp(limit, 1, MAX_HISTORY));
    }

    @POST
    @Path("{name}/reconcile")
    public Response reconcile(@PathParam("name") String name,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, name, environment -> {
            loop.trigger(environment, "api");
            return Response.accepted(new ActionResult(environment.qualifiedName(), "reconcile",
                    "the leading replica reconciles it at its next tick")).build();
        });
    }

    @POST
    @Path("{name}/suspend")
    public Response suspend(@PathParam("name") String name, @QueryParam("reason") String reason,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization, name, environment -> {
            loop.suspend(environment, reason);
            return Response.ok(new ActionResult(environment.qualifiedName(), "suspend",
                    "suspended: still read and reported, nothing is applied until it is resumed")).build();
        });
    }

    @POST
    @Path("{name}/resume")
    public Response resume(@PathParam("name") String name,
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
            java.util.function.Function<DesiredEnvironment, Response> action) {
        Optional<Response> refusal = token.refusal(authorization);
        return refusal.orElseGet(() -> action.apply(lookup.find(name)));
    }
}
