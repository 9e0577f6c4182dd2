package dev.switchman.railway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real HTTP to a sandbox, counting requests by GraphQL operation, with two one-shot hooks: run
 * something right before the next request of an operation is sent (a dashboard edit between plan
 * and apply), or lose the next response of an operation after Railway executed it.
 */
public final class CountingTransport implements GraphqlTransport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdkHttpTransport http;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, Runnable> before = new ConcurrentHashMap<>();
    private final Map<String, Boolean> loseResponse = new ConcurrentHashMap<>();

    public CountingTransport(String graphqlUrl) {
        this.http = new JdkHttpTransport(URI.create(graphqlUrl));
    }

    @Override
    public HttpReply post(String jsonBody, Map<String, String> headers, Duration timeout)
            throws TransportFailure {
        String operation = operationName(jsonBody);
        counts.merge(operation, 1, Integer::sum);
        Runnable hook = before.remove(operation);
        if (hook != null) {
            hook.run();
        }
        HttpReply reply = http.post(jsonBody, headers, timeout);
        if (loseResponse.remove(operation) != null) {
            throw new TransportFailure("connection reset after sending " + operation, true, null);
        }
        return reply;
    }

    /** Requests sent so far (retries included), all operations. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests so far by operation name. */
    public Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public int count(String operation) {
        return counts.getOrDefault(operation, 0);
    }

    public void beforeNext(String operation, Runnable hook) {
        before.put(operation, hook);
    }

    public void loseNextResponse(String operation) {
        loseResponse.put(operation, true);
    }

    private static String operationName(String body) {
        try {
            return JSON.readTree(body).path("operationName").asText("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
