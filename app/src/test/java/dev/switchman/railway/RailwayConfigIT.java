package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daemon reads Railway's own variables, has the Hobby budget's defaults and one client bean. */
@QuarkusTest
@TestProfile(RailwayConfigIT.ProjectToken.class)
class RailwayConfigIT {

    /** A project token in Railway's own variable. */
    public static final class ProjectToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("RAILWAY_TOKEN", "proj-from-env");
        }
    }

    @Inject
    RailwayConfig config;

    @Inject
    RailwayApi api;

    @Test
    void theMappingReadsRailwaysVariablesAndHasTheHobbyDefaults() {
        assertThat(config.token()).contains("proj-from-env");
        assertThat(config.apiToken()).isEmpty();
        assertThat(config.apiUrl()).isEqualTo(RailwayConfig.DEFAULT_API_URL);
        assertThat(config.requestsPerHour()).isEqualTo(1000);
        assertThat(config.requestsPerSecond()).isEqualTo(10);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.mutationTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.budgetPatience()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.readBatch()).isEqualTo(10);
        assertThat(config.retry().maxAttempts()).isEqualTo(5);
        assertThat(api).isInstanceOf(RailwayClient.class);
    }
}
