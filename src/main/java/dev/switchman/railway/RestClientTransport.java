package dev.switchman.railway;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link GraphqlTransport} over the Quarkus REST client: one POST, the response as it came. */
final class RestClientTransport implements GraphqlTransport {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final RailwayGraphqlEndpoint endpoint;
    private final String url;

    RestClientTransport(RailwayGraphqlEndpoint endpoint, String url) {
        this.endpoint = endpoint;
        this.url = url;
    }

    /** Builds the REST client from Switchman's own settings: URL and timeouts. */
    static RestClientTransport create(RailwayConfig config) {
        RailwayGraphqlEndpoint endpoint = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.apiUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(RailwayGraphqlEndpoint.class);
        return new RestClientTransport(endpoint, config.apiUrl());
    }

    @Override
    public HttpReply post(String jsonBody, Map<String, String> headers) throws TransportFailure {
        try (Response response = send(jsonBody, headers)) {
            return reply(response);
        } catch (ProcessingException failure) {
            throw new TransportFailure(TransportFailure.at(url, String.valueOf(rootCause(failure).getMessage())),
                    !neverSent(failure), failure);
        }
    }

    private Response send(String jsonBody, Map<String, String> headers) {
        try {
            return endpoint.post(jsonBody, headers.get("Project-Access-Token"), headers.get("Authorization"));
        } catch (WebApplicationException statusError) {
            // Only reached if the default mapper was not disabled: the response is still whole.
            return statusError.getResponse();
        }
    }

    private static HttpReply reply(Response response) {
        response.bufferEntity();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new HttpReply(response.getStatus(), response.getStringHeaders(), body);
    }

    /** A refused connection or an unknown host: the request never left this process. */
    private static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
