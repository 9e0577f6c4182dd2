package dev.switchman.railway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;

/**
 * A GraphqlTransport over the JDK's HTTP client, for the command-line tools that run without
 * Quarkus (and tests); it behaves like RestClientTransport (raw status, headers and body).
 */
final class JdkHttpTransport implements GraphqlTransport {

    private final HttpClient http;
    private final URI endpoint;
    private final Duration readTimeout;

    JdkHttpTransport(URI endpoint) {
        this(endpoint, Duration.ofSeconds(5), Duration.ofSeconds(90));
    }

    JdkHttpTransport(URI endpoint, Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.endpoint = endpoint;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpReply post(String jsonBody, Map<String, String> headers) throws TransportFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers().map(), response.body());
        } catch (ConnectException refused) {
            throw new TransportFailure(TransportFailure.at(endpoint, cannotConnect(refused)), false, refused);
        } catch (HttpConnectTimeoutException slow) {
            throw new TransportFailure(TransportFailure.at(endpoint, "no connection within the connect timeout"), false,
                    slow);
        } catch (IOException failure) {
            throw new TransportFailure(TransportFailure.at(endpoint, failure.toString()), true, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportFailure("interrupted", true, interrupted);
        }
    }

    /** The JDK client wraps "unknown host" and "refused" in message-less exceptions; say which it was. */
    private static String cannotConnect(ConnectException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return "connection refused";
    }
}
