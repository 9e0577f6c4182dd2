package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a running daemon's status API ({@code /api/v1}) for {@code switchman status}. Answers stay
 * JSON trees, so fields the API gains later reach the output without a change here.
 */
final class DaemonClient {

    /** Why the daemon could not answer; the message says what to fix. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final String server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param server the daemon's base URL, e.g. {@code http://localhost:8080} */
    DaemonClient(String server) {
        this.server = server;
    }

    String server() {
        return server;
    }

    /** Every environment in full, in the order the daemon lists them. */
    List<JsonNode> environments() {
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode summary : get("/api/v1/environments")) {
            details.add(environment(summary.path("project").asText() + "/" + summary.path("name").asText()));
        }
        return details;
    }

    /** One environment; an unknown name is explained with the names the daemon knows. */
    JsonNode environment(String name) {
        HttpResponse<String> response = send("/api/v1/environments/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            List<String> known = new ArrayList<>();
            get("/api/v1/environments").forEach(e -> known.add(e.path("project").asText() + "/" + e.path("name").asText()));
            throw new Unavailable(Names.missingEnvironment(name, known) + " (in the desired state the daemon at "
                    + server + " has in force)");
        }
        return body(response);
    }

    private JsonNode get(String path) {
        return body(send(path));
    }

    private JsonNode body(HttpResponse<String> response) {
        JsonNode body = parse(response);
        if (response.statusCode() / 100 != 2) {
            throw new Unavailable("the daemon at " + server + " answered HTTP " + response.statusCode() + ": "
                    + body.path("message").asText(response.body()));
        }
        return body;
    }

    private HttpResponse<String> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw unreachable("connection refused; is 'switchman serve' running there?");
        } catch (HttpTimeoutException slow) {
            throw unreachable("no answer within 10 s");
        } catch (IOException failure) {
            throw unreachable(failure.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted");
        } catch (IllegalArgumentException badUrl) {
            throw new Unavailable("'" + server + "' is not a URL: set --server or SWITCHMAN_SERVER to the daemon's,"
                    + " e.g. " + CliSettings.DEFAULT_SERVER);
        }
    }

    private Unavailable unreachable(String why) {
        return new Unavailable("cannot reach the Switchman daemon at " + server + " (set --server or SWITCHMAN_SERVER): "
                + why);
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return Documents.JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new Unavailable(server + " answered with something that is not Switchman's status API (HTTP "
                    + response.statusCode() + "); check --server or SWITCHMAN_SERVER");
        }
    }
}
