package dev.switchman.railway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local HTTP server that answers each POST with the next canned response, in order, and
 * records what it received. With nothing left to answer it says 599, which no test expects.
 */
final class CannedRailway implements AutoCloseable {

    record Canned(int status, Map<String, String> headers, String body) {
    }

    record Received(Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private volatile long delayMillis;

    CannedRailway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/graphql/v2", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Canned answer;
            synchronized (this) {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
                answer = answers.isEmpty() ? new Canned(599, Map.of(), "{}") : answers.poll();
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    synchronized CannedRailway answer(int status, String body, Map<String, String> headers) {
        answers.add(new Canned(status, headers, body));
        return this;
    }

    /** Every answer from now on comes this late (real time). */
    CannedRailway delay(Duration delay) {
        this.delayMillis = delay.toMillis();
        return this;
    }

    CannedRailway answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql/v2");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
