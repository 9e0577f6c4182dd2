package dev.switchman.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated applications behind service domains. The active deployment answers its healthcheck
 * path (and every other path) with 200 {"status":"ok"} and a "checks" object shaped like the
 * detailed health endpoints the worked examples verify (each dependency with a status and whether it
 * is critical); a degraded one answers 503 with its critical check unhealthy; without a running
 * deployment Railway's edge answers 502.
 */
public final class AppEndpoints {

    /** An HTTP answer from a simulated app. */
    public record AppResponse(int status, Map<String, Object> body) {
    }

    private final SandboxState state;

    AppEndpoints(SandboxState state) {
        this.state = state;
    }

    AppResponse answer(String domain, String path) {
        for (EnvironmentEntity env : state.environments.values()) {
            for (String serviceId : env.services().keySet()) {
                Map<String, Object> cfg = env.serviceConfig(serviceId);
                if (cfg != null && domain.equals(AppDomains.firstDomain(cfg))) {
                    return serve(env, serviceId, path);
                }
            }
        }
        return new AppResponse(404, Map.of("status", "error", "code", 404, "message", "Application not found"));
    }

    private static Map<String, Object> checks(String database) {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", Map.of("status", database, "critical", true));
        checks.put("redis", Map.of("status", "healthy", "critical", false));
        return checks;
    }

    private AppResponse serve(EnvironmentEntity env, String serviceId, String path) {
        DeploymentEntity live = state.deploymentsOf(env.id, serviceId).stream()
                .filter(d -> ("SUCCESS".equals(d.status) || "REMOVING".equals(d.status)) && !d.stopped)
                .findFirst().orElse(null);
        if (live == null) {
            return new AppResponse(502, Map.of("status", "error", "code", 502, "message", "Application failed to respond"));
        }
        if (live.fate.degraded()) {
            return new AppResponse(503, Map.of("status", "degraded", "deploymentId", live.id,
                    "checks", checks("unhealthy")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("deploymentId", live.id);
        body.put("path", path);
        body.put("checks", checks("healthy"));
        if (live.meta.get("image") != null) {
            body.put("image", live.meta.get("image"));
        }
        if (live.meta.get("commitHash") != null) {
            body.put("commitHash", live.meta.get("commitHash"));
        }
        return new AppResponse(200, body);
    }
}
