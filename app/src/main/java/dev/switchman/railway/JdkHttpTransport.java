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
 * The one {@link GraphqlTransport}: the JDK's HTTP client, for the daemon and the command-line tools alike. It
 * hands back every status, header and body as received, each request with the timeout its caller gives, and tells
 * a connection that was never made apart from an answer that was lost.
 */
final class JdkHttpTransport implements GraphqlTransport {

    private final HttpClient http;
    private final URI endpoint;

    JdkHttpTransport(URI endpoint) {
        this(endpoint, Duration.ofSeconds(5));
    }

    JdkHttpTransport(URI endpoint, Duration connectTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.endpoint = endpoint;
    }

    @Override
    public HttpReply post(String jsonBody, Map<String, String> headers, Duration timeout) throws TransportFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
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
