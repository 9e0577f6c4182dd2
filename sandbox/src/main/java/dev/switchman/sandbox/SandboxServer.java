package dev.switchman.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a {@link RailwaySandbox} over HTTP on the JDK's server: {@code POST /graphql/v2},
 * {@code POST /sandbox/admin/...} (see {@link AdminRoutes}) and {@code GET /apps/<domain>/<path>}.
 */
public final class SandboxServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RailwaySandbox sandbox;
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(RailwaySandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public SandboxServer start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/graphql/v2", this::graphql);
        server.createContext("/sandbox/admin/", exchange -> new AdminRoutes(sandbox).handle(exchange, JSON));
        server.createContext("/apps/", this::app);
        server.start();
        return this;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}; the API is at {@code url() + "/graphql/v2"}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public RailwaySandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private void graphql(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, Map.of("errors", List.of(Map.of("message", "Use POST"))), Map.of());
            return;
        }
        Map<String, Object> body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readValue(in, Map.class);
        } catch (IOException e) {
            send(exchange, 400, Map.of("errors", List.of(Map.of("message", "Body is not JSON",
                    "extensions", Map.of("code", "BAD_REQUEST")))), Map.of());
            return;
        }
        simulateLatency(OperationNames.of((String) body.get("query"), (String) body.get("operationName")));
        if (sandbox.faults().takeBadGateway()) {
            byte[] page = RailwaySandbox.BAD_GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, page.length);
            try (var out = exchange.getResponseBody()) {
                out.write(page);
            }
            return;
        }
        RailwaySandbox.Response response = sandbox.graphql((String) body.get("query"), (Map<String, Object>) body.get("variables"),
                (String) body.get("operationName"), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Project-Access-Token"));
        send(exchange, response.status(), response.body(), response.headers());
    }

    /** The delay knob is simulated network latency, deliberately real time even on a virtual clock. */
    private void simulateLatency(String operation) {
        long delay = sandbox.faults().delayMillis(operation);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void app(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring("/apps/".length());
        int slash = rest.indexOf('/');
        String domain = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        AppEndpoints.AppResponse answer = sandbox.app(domain, path);
        send(exchange, answer.status(), answer.body(), Map.of());
    }

    static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
