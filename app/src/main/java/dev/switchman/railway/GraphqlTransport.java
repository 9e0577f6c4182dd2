package dev.switchman.railway;

import java.time.Duration;
import java.util.Map;

/**
 * Posts one GraphQL request body and returns the HTTP response as it came, whatever its status:
 * no retries, no interpretation. {@link RailwayClient} decides what the response means.
 */
public interface GraphqlTransport {

    /**
     * @param jsonBody the {@code {query, variables, operationName}} object, serialized
     * @param headers the headers to add (the auth header)
     * @param timeout how long to wait for the answer once the request is sent
     * @throws TransportFailure when no HTTP response arrived
     */
    HttpReply post(String jsonBody, Map<String, String> headers, Duration timeout) throws TransportFailure;

    /**
     * No HTTP response: connection refused, DNS failure, timeout, reset.
     *
     * <p>{@code requestSent} is false only when the request certainly never left (the connection
     * could not be opened), the one case where even a non-idempotent write may be repeated.
     */
    final class TransportFailure extends Exception {
        private final boolean requestSent;

        public TransportFailure(String message, boolean requestSent, Throwable cause) {
            super(message, cause);
            this.requestSent = requestSent;
        }

        public boolean requestSent() {
            return requestSent;
        }

        /**
         * {@code <endpoint> (RAILWAY_API_URL): <why>}: names the URL and the setting to check, which a bare
         * {@code java.net.ConnectException} does not.
         */
        static String at(Object endpoint, String why) {
            return endpoint + " (RAILWAY_API_URL): " + why;
        }
    }
}
