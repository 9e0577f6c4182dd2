package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchman.config.SwitchmanConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The daemon's Railway settings and its one transport (the JDK's HTTP client, as the command line's): every
 * status, header and body comes back as received, only the auth header given is sent, and a refused connection
 * is told apart.
 */
@QuarkusTest
@TestProfile(RailwayTransportTest.WithoutDevServices.class)
class RailwayTransportTest {

    /** No container engine here: this test needs the settings, not a database. */
    public static final class WithoutDevServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.devservices.enabled", "false", "RAILWAY_TOKEN", "proj-from-env");
        }
    }

    @Inject
    SwitchmanConfig settings;

    @Inject
    RailwayApi api;

    @Test
    void the_config_mapping_reads_railways_variables_and_has_the_hobby_defaults() {
        RailwayConfig config = settings.railway();
        assertThat(config.token()).contains("proj-from-env");
        assertThat(config.apiToken()).isEmpty();
        assertThat(config.apiUrl()).isEqualTo(RailwayConfig.DEFAULT_API_URL);
        assertThat(config.requestsPerHour()).isEqualTo(1000);
        assertThat(config.requestsPerSecond()).isEqualTo(10);
        assertThat(config.retry().maxAttempts()).isEqualTo(5);
        assertThat(api).isInstanceOf(RailwayClient.class);
    }

    @Test
    void statuses_headers_and_bodies_come_back_as_received() throws Exception {
        try (CannedRailway railway = new CannedRailway()) {
            railway.answer(429, "{\"errors\":[]}", Map.of("Retry-After", "7"))
                    .answer(400, "{\"errors\":[{\"message\":\"bad\"}]}");
            GraphqlTransport transport = JdkHttpTransport.create(config(railway.uri().toString()));

            HttpReply limited = transport.post("{}", Map.of("Project-Access-Token", "proj-tok"));
            HttpReply invalid = transport.post("{}", Map.of("Authorization", "Bearer acct"));

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("retry-after")).contains("7");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("bad");
            assertThat(railway.received().get(0).headers()).containsKey("Project-access-token")
                    .doesNotContainKey("Authorization");
            assertThat(railway.received().get(1).headers()).containsKey("Authorization")
                    .doesNotContainKey("Project-access-token");
        }
    }

    @Test
    void a_refused_connection_is_reported_as_never_sent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GraphqlTransport transport = JdkHttpTransport.create(config("http://127.0.0.1:" + closedPort + "/graphql/v2"));

        GraphqlTransport.TransportFailure failure = catchThrowableOfType(GraphqlTransport.TransportFailure.class,
                () -> transport.post("{}", Map.of("Authorization", "Bearer acct")));

        assertThat(failure.requestSent()).isFalse();
    }

    private static RailwayConfig config(String url) {
        StandaloneRailwayConfig defaults = StandaloneRailwayConfig.withTokens(null, "acct");
        return new StandaloneRailwayConfig(url, Optional.empty(), Optional.of("acct"), defaults.requestsPerHour(),
                defaults.requestsPerSecond(), defaults.retry());
    }
}
