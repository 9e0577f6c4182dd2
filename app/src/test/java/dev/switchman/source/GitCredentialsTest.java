package dev.switchman.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchman.source.GitFetchFailure.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an https-like git server that refuses every request: what is sent, and what is never shown. */
class GitCredentialsTest {

    private static final String TOKEN = "tok-7f3a9c-never-show-me";
    private static final String URL_PASSWORD = "url-password-never-show-me";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Logger gitSourceLog = Logger.getLogger(GitSource.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(String.valueOf(record.getMessage()) + " " + List.of(
                    record.getParameters() == null ? new Object[0] : record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private HttpServer server;

    @BeforeEach
    void startRefusingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        gitSourceLog.addHandler(capture);
    }

    @AfterEach
    void stop() {
        gitSourceLog.removeHandler(capture);
        server.stop(0);
    }

    @Test
    void theTokenGoesAsBasicAuthWithTheConfiguredUserNameAndNowhereElse() {
        GitSource source = source("http://127.0.0.1:" + port() + "/acme/desired.git", Optional.of(TOKEN));

        GitSourceStatus status = source.fetchNow();

        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("x-access-token:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).contains(expected);
        assertThat(status.lastFailure().reason()).isEqualTo(Reason.UNAUTHORIZED);
        assertThat(status.toString()).doesNotContain(TOKEN);
        assertThat(source.settings().toString()).doesNotContain(TOKEN);
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void credentialsWrittenIntoTheUrlAreRedactedInStatusAndLogs() {
        GitSource source = source("http://someone:" + URL_PASSWORD + "@127.0.0.1:" + port() + "/acme/desired.git",
                Optional.empty());

        GitSourceStatus status = source.fetchNow();

        assertThat(status.lastFailure()).isNotNull();
        assertThat(status.url()).doesNotContain(URL_PASSWORD).contains("***@127.0.0.1");
        assertThat(status.toString()).doesNotContain(URL_PASSWORD);
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(URL_PASSWORD));
    }

    @Test
    void aRepeatedFailureIsLoggedOnce() {
        GitSource source = source("http://127.0.0.1:" + port() + "/acme/desired.git", Optional.of(TOKEN));

        source.fetchNow();
        source.fetchNow();
        GitSourceStatus third = source.fetchNow();

        assertThat(third.consecutiveFailures()).isEqualTo(3);
        assertThat(logLines).hasSize(1);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static GitSource source(String url, Optional<String> token) {
        return new GitSource(new GitSourceSettings(url, "main", "desired-state", Duration.ofMinutes(1), token,
                "x-access-token", Optional.empty()), new SimpleMeterRegistry());
    }
}
