package dev.switchman.railway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one transport (the JDK's HTTP client) hands back every status, header and body as received, sends only
 * the auth header it is given, gives up after the timeout its caller asks for, and tells a refused connection
 * apart from a lost answer.
 */
class JdkHttpTransportTest {

    @Test
    void statusesHeadersAndBodiesComeBackAsReceived() throws Exception {
        try (CannedRailway railway = new CannedRailway()) {
            railway.answer(429, "{\"errors\":[]}", Map.of("Retry-After", "7"))
                    .answer(400, "{\"errors\":[{\"message\":\"bad\"}]}");
            GraphqlTransport transport = new JdkHttpTransport(railway.uri());

            HttpReply limited = transport.post("{}", Map.of("Project-Access-Token", "proj-tok"), Duration.ofSeconds(5));
            HttpReply invalid = transport.post("{}", Map.of("Authorization", "Bearer acct"), Duration.ofSeconds(5));

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
    void aRefusedConnectionIsReportedAsNeverSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GraphqlTransport transport = new JdkHttpTransport(URI.create("http://127.0.0.1:" + closedPort + "/graphql/v2"));

        GraphqlTransport.TransportFailure failure = catchThrowableOfType(GraphqlTransport.TransportFailure.class,
                () -> transport.post("{}", Map.of("Authorization", "Bearer acct"), Duration.ofSeconds(5)));

        assertThat(failure.requestSent()).isFalse();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsLostAfterTheRequestLeft() throws Exception {
        try (CannedRailway railway = new CannedRailway()) {
            railway.delay(Duration.ofSeconds(2)).answer(200, "{\"data\":{}}");
            GraphqlTransport transport = new JdkHttpTransport(railway.uri());

            GraphqlTransport.TransportFailure failure = catchThrowableOfType(GraphqlTransport.TransportFailure.class,
                    () -> transport.post("{}", Map.of("Authorization", "Bearer acct"), Duration.ofMillis(300)));

            assertThat(failure.requestSent()).isTrue();
        }
    }
}
