package dev.switchman.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admin endpoints (JSON bodies, no auth, not rate limited):
 * {@code POST /sandbox/admin/advance {"seconds": n}},
 * {@code POST /sandbox/admin/deployment-fault {"project","service","fault": FAIL_BUILD|FAIL_HEALTHCHECK|CRASH|DEGRADE
 * |FAIL_PRE_DEPLOY,"seconds","error"}},
 * {@code POST /sandbox/admin/request-faults {"tooManyRequests","retryAfterSeconds","serverErrors","delayMillis",
 * "lostResponses","lostOperation","badGateways","slowOperation","slowMillis"}},
 * {@code POST /sandbox/admin/dashboard-edit {"project","environment","patch": {EnvironmentConfig patch},"deploy"}}
 * (the patch's services keyed by name, as people know them, or by id, as Railway's config keys them;
 * {@code deploy: true} publishes it with Railway's "Deploy", redeploying what it affects),
 * {@code POST /sandbox/admin/redeploy {"project","environment","service"}} (Railway redeploys a service from its
 * settings by itself, as after a restart).
 */
final class AdminRoutes {

    private final RailwaySandbox sandbox;

    AdminRoutes(RailwaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    @SuppressWarnings("unchecked")
    void handle(HttpExchange exchange, ObjectMapper json) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/sandbox/admin/".length());
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? Map.of() : json.readValue(bytes, Map.class);
        }
        try {
            apply(action, body);
            SandboxServer.send(exchange, 200, Map.of("ok", true, "now", sandbox.clock().now().toString()), Map.of());
        } catch (RuntimeException e) {
            SandboxServer.send(exchange, 400, Map.of("ok", false, "error", String.valueOf(e.getMessage())), Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private void apply(String action, Map<String, Object> body) {
        switch (action) {
            case "advance" -> sandbox.advance(Duration.ofMillis((long) (((Number) body.get("seconds")).doubleValue() * 1000)));
            case "deployment-fault" -> sandbox.faults().nextDeployment(
                    sandbox.serviceId((String) body.get("project"), (String) body.get("service")),
                    SandboxFaults.DeploymentFault.valueOf((String) body.get("fault")), FixtureLoader.intOr(body.get("seconds"), 0),
                    (String) body.get("error"));
            case "request-faults" -> {
                sandbox.faults().tooManyRequests(FixtureLoader.intOr(body.get("tooManyRequests"), 0), FixtureLoader.intOr(body.get("retryAfterSeconds"), 1));
                sandbox.faults().serverErrors(FixtureLoader.intOr(body.get("serverErrors"), 0));
                sandbox.faults().delay(FixtureLoader.intOr(body.get("delayMillis"), 0));
                sandbox.faults().loseResponses((String) body.get("lostOperation"),
                        FixtureLoader.intOr(body.get("lostResponses"), 0));
                sandbox.faults().badGateway(FixtureLoader.intOr(body.get("badGateways"), 0));
                if (body.get("slowOperation") != null) {
                    sandbox.faults().slow((String) body.get("slowOperation"), FixtureLoader.intOr(body.get("slowMillis"), 0));
                }
            }
            case "dashboard-edit" -> sandbox.dashboardEdit(
                    sandbox.environmentId((String) body.get("project"), (String) body.get("environment")),
                    withServiceIds((String) body.get("project"), (Map<String, Object>) body.get("patch")),
                    Boolean.TRUE.equals(body.get("deploy")));
            case "redeploy" -> sandbox.redeployFromSettings(
                    sandbox.environmentId((String) body.get("project"), (String) body.get("environment")),
                    sandbox.serviceId((String) body.get("project"), (String) body.get("service")));
            default -> throw new IllegalArgumentException("unknown admin action " + action);
        }
    }

    /** The patch with each service named by its name given its id instead; ids stay as they are. */
    private Map<String, Object> withServiceIds(String project, Map<String, Object> patch) {
        if (patch == null || !(patch.get("services") instanceof Map<?, ?> services)) {
            return patch;
        }
        Map<String, Object> byId = new LinkedHashMap<>();
        services.forEach((key, value) -> byId.put(serviceId(project, String.valueOf(key)), value));
        Map<String, Object> rewritten = new LinkedHashMap<>(patch);
        rewritten.put("services", byId);
        return rewritten;
    }

    private String serviceId(String project, String nameOrId) {
        try {
            return sandbox.serviceId(project, nameOrId);
        } catch (IllegalArgumentException notAName) {
            return nameOrId;
        }
    }
}
