package dev.switchman.daemon;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.RealClockSandbox;
import dev.switchman.testing.RepositoryRoot;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon as {@code switchman serve --sandbox} runs it: the reconcile loop on, the worked
 * examples in desired-state/, a Railway sandbox seeded with their projects and environments only.
 */
public class SandboxDaemonProfile implements QuarkusTestProfile {

    /** The sandbox's base URL reaches the test through this property (the test runs in another class loader). */
    static final String SANDBOX_URL = "daemon-it.sandbox-url";
    static final String TOKEN = "daemon-it-token";
    static final String API_TOKEN = "daemon-it-api-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchman.desired.dir", RepositoryRoot.resolve("desired-state").toString(),
                "switchman.sandbox.enabled", "true",
                "switchman.reconcile.enabled", "true",
                "switchman.reconcile.tick-interval", "200ms",
                "switchman.railway.requests-per-hour", "10000",
                "switchman.railway.requests-per-second", "50",
                "switchman.api.token", API_TOKEN,
                // The examples soak for minutes and check endpoints the sandbox's apps do not serve.
                "switchman.rollout.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Sandbox.class));
    }

    /** Starts the sandbox on a real clock with short build and deploy times. */
    public static final class Sandbox implements QuarkusTestResourceLifecycleManager {

        private SandboxServer server;

        @Override
        public Map<String, String> start() {
            Map<String, List<String>> projects = new LinkedHashMap<>();
            DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state().projects()
                    .forEach(p -> projects.put(p.name(), List.copyOf(p.environments().keySet())));
            server = RealClockSandbox.start("daemon-it", TOKEN, projects);
            System.setProperty(SANDBOX_URL, server.url());
            return RealClockSandbox.railwayConfig(server, TOKEN);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
