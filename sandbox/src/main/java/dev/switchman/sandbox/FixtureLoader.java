package dev.switchman.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Builds a sandbox from a fixture (YAML or JSON, format in docs/sandbox.md); ids derive from names and seed. */
final class FixtureLoader {

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return doc == null ? Map.of() : (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RailwaySandbox load(Map<String, Object> fixture) {
        Map<String, Object> f = fixture;
        Map<String, Object> t = map(f.get("timings"));
        LifecycleTimings d = LifecycleTimings.defaults();
        LifecycleTimings timings = new LifecycleTimings(seconds(t, "initializingSeconds", d.initializing()),
                seconds(t, "queuedSeconds", d.queued()), seconds(t, "buildSeconds", d.build()), seconds(t, "deploySeconds", d.deploy()),
                t.get("rollbackRetentionHours") instanceof Number h ? Duration.ofHours(h.longValue()) : d.rollbackRetention(),
                seconds(t, "workflowSeconds", d.workflow()));
        SandboxClock clock = "real".equals(f.get("clock")) ? SandboxClock.real()
                : f.get("start") != null ? SandboxClock.virtual(Instant.parse(String.valueOf(f.get("start")))) : SandboxClock.virtual();
        SandboxState state = new SandboxState(clock, String.valueOf(f.getOrDefault("seed", "sandbox")), timings);
        Map<String, Object> limits = map(f.get("rateLimits"));
        RailwaySandbox sandbox = new RailwaySandbox(state, intOr(limits.get("perHour"), 10_000), intOr(limits.get("perSecond"), 50));
        Map<String, Object> user = map(f.get("user"));
        state.user = Map.of("id", state.ids.named("user", "sandbox"), "email", String.valueOf(user.getOrDefault("email", "sandbox@example.com")),
                "name", String.valueOf(user.getOrDefault("name", "Sandbox User")));
        FixtureProjects projects = new FixtureProjects(sandbox.engine());
        list(f.get("projects")).forEach(p -> projects.add(map(p)));
        list(f.get("tokens")).forEach(tok -> addToken(sandbox, map(tok)));
        applyFaults(sandbox, map(f.get("faults")));
        return sandbox;
    }

    private static void addToken(RailwaySandbox sandbox, Map<String, Object> t) {
        String value = String.valueOf(t.get("token"));
        String kind = String.valueOf(t.getOrDefault("kind", "account")).toUpperCase(Locale.ROOT);
        SandboxState state = sandbox.state();
        SandboxToken token = switch (SandboxToken.Kind.valueOf(kind)) {
            case ACCOUNT -> SandboxToken.account(value);
            case WORKSPACE -> new SandboxToken(SandboxToken.Kind.WORKSPACE, value,
                    state.ids.named("workspace", String.valueOf(t.get("workspace"))), null, null, "workspace");
            case PROJECT -> {
                String project = String.valueOf(t.get("project"));
                yield new SandboxToken(SandboxToken.Kind.PROJECT, value, null, sandbox.projectId(project),
                        sandbox.environmentId(project, String.valueOf(t.get("environment"))), String.valueOf(t.getOrDefault("name", "project-token")));
            }
        };
        state.tokens.put(value, token);
    }

    private static void applyFaults(RailwaySandbox sandbox, Map<String, Object> faults) {
        for (Object o : list(faults.get("deployments"))) {
            Map<String, Object> fault = map(o);
            String serviceId = sandbox.serviceId(String.valueOf(fault.get("project")), String.valueOf(fault.get("service")));
            SandboxFaults.DeploymentFault kind = SandboxFaults.DeploymentFault.valueOf(String.valueOf(fault.get("fault")));
            sandbox.faults().nextDeployment(serviceId, kind, intOr(fault.get("seconds"), 0),
                    fault.get("error") == null ? null : String.valueOf(fault.get("error")));
        }
        sandbox.faults().tooManyRequests(intOr(faults.get("tooManyRequests"), 0), intOr(faults.get("retryAfterSeconds"), 1));
        sandbox.faults().serverErrors(intOr(faults.get("serverErrors"), 0));
        sandbox.faults().delay(intOr(faults.get("delayMillis"), 0));
    }

    private static Duration seconds(Map<String, Object> m, String key, Duration fallback) {
        return m.get(key) instanceof Number n ? Duration.ofMillis((long) (n.doubleValue() * 1000)) : fallback;
    }

    static int intOr(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
