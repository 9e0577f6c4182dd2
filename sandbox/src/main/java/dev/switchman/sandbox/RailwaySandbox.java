package dev.switchman.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local Railway: state, lifecycle, auth, rate limits and fault knobs behind Railway's GraphQL API.
 * Build one from a fixture ({@link #fromFixture}) or {@link SandboxFixture}, serve it with
 * {@link SandboxServer}, move its virtual clock with {@link #advance}. Thread-safe: one lock.
 */
public final class RailwaySandbox {

    /** Outcome of one GraphQL request: HTTP status, JSON body, response headers. */
    public record Response(int status, Map<String, Object> body, Map<String, String> headers) {
    }

    /** One deployment as tests see it. */
    public record DeploymentInfo(String id, String status, boolean stopped, Map<String, Object> meta, Map<String, String> variables) {
    }

    private final SandboxState state;
    private final SandboxEngine engine;
    private final GraphqlEndpoint endpoint;
    private final RateLimiter rateLimiter;
    private final AppEndpoints apps;

    RailwaySandbox(SandboxState state, int perHour, int perSecond) {
        this.state = state;
        this.engine = SandboxEngine.create(state);
        this.endpoint = new GraphqlEndpoint(SandboxSchema.build(engine), state.ids);
        this.rateLimiter = new RateLimiter(perHour, perSecond);
        this.apps = new AppEndpoints(state);
    }

    public static RailwaySandbox fromFixture(Path file) {
        return new FixtureLoader().load(FixtureLoader.read(file));
    }

    public static RailwaySandbox fromFixture(Map<String, Object> fixture) {
        return new FixtureLoader().load(fixture);
    }

    SandboxEngine engine() {
        return engine;
    }

    SandboxState state() {
        return state;
    }

    public SandboxClock clock() {
        return state.clock;
    }

    public SandboxFaults faults() {
        return state.faults;
    }

    /** Moves the virtual clock and runs every lifecycle step that became due. */
    public synchronized void advance(Duration duration) {
        state.clock.advance(duration);
        engine.lifecycle().runUntil(state.now());
    }

    /** What a proxy in front of Railway answers when it cannot reach it: an HTML page. */
    public static final String BAD_GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head>"
            + "<body><center><h1>502 Bad Gateway</h1></center></body></html>";

    /** Handles one POST /graphql/v2 request: request faults, rate limit, auth, then execution. */
    public Response graphql(String query, Map<String, Object> variables, String operationName,
            String authorization, String projectAccessToken) {
        String operation = OperationNames.of(query, operationName);
        if (state.faults.takeServerError() || state.faults.takeRefusal(operation)) {
            return new Response(503, endpoint.failure(503, "Service Unavailable", "INTERNAL_SERVER_ERROR").body(), Map.of());
        }
        int storm = state.faults.takeTooManyRequests();
        if (storm >= 0) {
            // as Railway answers a spent budget: nothing left until the hour's end, but come back after Retry-After
            long hourEnds = state.now().getEpochSecond() - state.now().getEpochSecond() % 3600 + 3600;
            return new Response(429, endpoint.failure(429, "Too Many Requests", "RATE_LIMITED").body(),
                    Map.of("Retry-After", String.valueOf(storm), "X-RateLimit-Remaining", "0",
                            "X-RateLimit-Reset", String.valueOf(hourEnds)));
        }
        synchronized (this) {
            engine.lifecycle().runUntil(state.now());
            Caller caller = Caller.resolve(state, authorization, projectAccessToken);
            RateLimiter.Decision decision = rateLimiter.take(caller.bucket(), state.now());
            if (!decision.allowed()) {
                return new Response(429, endpoint.failure(429, "Rate limit exceeded", "RATE_LIMITED").body(), decision.headers());
            }
            GraphqlEndpoint.Answer answer = endpoint.execute(query, variables, operationName, caller);
            long latency = state.faults.virtualLatencyMillis();
            if (latency > 0) {
                state.clock.advance(Duration.ofMillis(latency));
            }
            if (state.faults.takeLostResponse(operation)) {
                return new Response(504, endpoint.failure(504, "Gateway Timeout", "INTERNAL_SERVER_ERROR").body(),
                        Map.of());
            }
            return new Response(answer.status(), answer.body(), decision.headers());
        }
    }

    /** A "dashboard edit": someone changes the config behind Switchman's back (no deploy, etag moves). */
    public synchronized void dashboardEdit(String environmentId, Map<String, Object> patch) {
        dashboardEdit(environmentId, patch, false);
    }

    /**
     * A dashboard edit; with {@code deploy}, published with "Deploy" as a person does in Railway's dashboard:
     * every affected service redeploys from its configured source.
     */
    public synchronized void dashboardEdit(String environmentId, Map<String, Object> patch, boolean deploy) {
        engine.lifecycle().runUntil(state.now());
        engine.commits().commit(state.environment(environmentId), patch, !deploy);
    }

    /** The running deployment {@code deploymentId} crashes now (its process exited, restarts gave up). */
    public synchronized void crash(String deploymentId) {
        engine.lifecycle().runUntil(state.now());
        engine.lifecycle().crash(state.deployment(deploymentId));
    }

    /**
     * Railway redeploys a service by itself (a restart from the dashboard, a redeploy after an incident): a new
     * deployment of what its settings name now, whatever ran before. Returns the new deployment's id.
     */
    public synchronized String redeployFromSettings(String environmentId, String serviceId) {
        engine.lifecycle().runUntil(state.now());
        return engine.deployer().deployCurrent(state.environment(environmentId), serviceId, null).id;
    }

    /** Serves a service's public domain: its healthcheck and other paths, as the running deployment would. */
    public synchronized AppEndpoints.AppResponse app(String domain, String path) {
        engine.lifecycle().runUntil(state.now());
        return apps.answer(domain, path);
    }

    public synchronized String projectId(String name) {
        return state.projects.values().stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no project " + name)).id;
    }

    public synchronized String environmentId(String project, String environment) {
        return state.environmentsOf(projectId(project), true).stream().filter(e -> e.name.equals(environment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no environment " + environment)).id;
    }

    public synchronized String serviceId(String project, String service) {
        return state.project(projectId(project)).serviceIds.stream().filter(id -> state.services.get(id).name.equals(service))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    public synchronized String configEtag(String environmentId) {
        return state.environment(environmentId).configEtag();
    }

    /** Deployments of a service instance, newest first, after running the lifecycle up to now. */
    public synchronized List<DeploymentInfo> deployments(String environmentId, String serviceId) {
        engine.lifecycle().runUntil(state.now());
        return state.deploymentsOf(environmentId, serviceId).stream()
                .map(d -> new DeploymentInfo(d.id, d.status, d.stopped, Map.copyOf(d.meta), Map.copyOf(d.variables)))
                .toList();
    }

    /** The public domain of a service in an environment (served by {@link SandboxServer} under /apps/). */
    public synchronized String domain(String environmentId, String serviceId) {
        return AppDomains.firstDomain(state.serviceConfig(state.environment(environmentId), serviceId));
    }
}
