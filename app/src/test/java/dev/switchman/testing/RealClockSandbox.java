package dev.switchman.testing;

import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Railway sandbox over HTTP on a real clock with one-second builds and deploys, as the daemon's tests run it. */
public final class RealClockSandbox {

    private RealClockSandbox() {
    }

    /**
     * @param token the account token it accepts
     * @param projects project name -> its environments
     */
    public static SandboxServer start(String seed, String token, Map<String, List<String>> projects) {
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("seed", seed);
        fixture.put("clock", "real");
        fixture.put("timings", Map.of("initializingSeconds", 0, "queuedSeconds", 0, "buildSeconds", 1,
                "deploySeconds", 1));
        fixture.put("tokens", List.of(Map.of("token", token, "kind", "account")));
        fixture.put("projects", projects.entrySet().stream()
                .map(p -> Map.of("name", p.getKey(), "environments", p.getValue())).toList());
        return new SandboxServer(RailwaySandbox.fromFixture(fixture)).start(0);
    }

    /** What points the daemon at {@code server} with {@code token}. */
    public static Map<String, String> railwayConfig(SandboxServer server, String token) {
        return Map.of("switchman.railway.api-url", server.url() + "/graphql/v2", "switchman.railway.api-token", token,
                "switchman.railway.token", "");
    }
}
