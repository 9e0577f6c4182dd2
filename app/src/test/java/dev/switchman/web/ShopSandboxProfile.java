package dev.switchman.web;

import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.RealClockSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The daemon against a Railway sandbox that knows project {@code shop} with {@code production} and
 * {@code staging} (as {@code DesiredStateFiles.VALID} declares them), on a real clock with short deploys. The
 * loop stays off: tests tick it.
 */
public class ShopSandboxProfile implements QuarkusTestProfile {

    static final String TOKEN = "shop-it-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchman.rollout.enabled", "false", "switchman.railway.requests-per-second", "50",
                "switchman.railway.requests-per-hour", "10000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Sandbox.class));
    }

    /** The sandbox over HTTP for the test's lifetime. */
    public static final class Sandbox implements QuarkusTestResourceLifecycleManager {

        private SandboxServer server;

        @Override
        public Map<String, String> start() {
            server = RealClockSandbox.start("shop-it", TOKEN, Map.of("shop", List.of("production", "staging")));
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
