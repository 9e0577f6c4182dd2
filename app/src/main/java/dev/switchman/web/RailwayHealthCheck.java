package dev.switchman.web;

import dev.switchman.railway.RailwayAuth;
import dev.switchman.railway.RailwayConfig;
import dev.switchman.railway.RailwayStatus;
import dev.switchman.reconcile.LoopHealth;
import dev.switchman.reconcile.ReconcileLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while Railway answered the last request, whatever it answered: a 429 means "slow down", not
 * "down", and the loop paces itself. Down only when the last request got no answer (network, 5xx).
 * Also says whether this replica leads: a standby is healthy and ready, it just does not act, which
 * endpoint it calls, and when no token is set, that one is missing (every environment then stalls).
 */
@Readiness
@ApplicationScoped
public class RailwayHealthCheck implements HealthCheck {

    static final String TOKEN_MISSING = "missing: set RAILWAY_TOKEN (a project token) or RAILWAY_API_TOKEN (an account"
            + " or workspace token); until then every environment stalls as RailwayUnauthorized";

    private final RailwayStatus railway;
    private final ReconcileLoop loop;
    private final RailwayConfig config;

    public RailwayHealthCheck(RailwayStatus railway, ReconcileLoop loop, RailwayConfig config) {
        this.railway = railway;
        this.loop = loop;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        LoopHealth health = loop.health();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("railway")
                .withData("role", health.leader() ? "leader" : "standby")
                .withData("apiUrl", config.apiUrl());
        if (RailwayAuth.choose(config.token(), config.apiToken()).isEmpty()) {
            response.withData("token", TOKEN_MISSING);
        }
        return railway.last().map(last -> response.status(last.reachable())
                .withData("state", switch (last.outcome()) {
                    case "transient" -> "unreachable";
                    case "rate_limited" -> "rate-limited";
                    default -> "reachable";
                })
                .withData("lastOperation", last.operation())
                .withData("lastOutcome", last.outcome())
                .withData("lastCallAt", last.at().toString()))
                .orElseGet(() -> response.up().withData("state", "not-called-yet"))
                .build();
    }
}
