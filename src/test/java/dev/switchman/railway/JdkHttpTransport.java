package dev.switchman.railway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A GraphqlTransport over the JDK's HTTP client, so RailwayClient can be tested over real HTTP
 * without booting Quarkus; it behaves like RestClientTransport (raw status, headers and body).
 */
final class JdkHttpTransport implements GraphqlTransport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    JdkHttpTransport(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public HttpReply post(String jsonBody, Map<String, String> headers) throws TransportFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (ConnectException refused) {
            throw new TransportFailure(refused.toString(), false, refused);
        } catch (IOException failure) {
            throw new TransportFailure(failure.toString(), true, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportFailure("interrupted", true, interrupted);
        }
    }
}
