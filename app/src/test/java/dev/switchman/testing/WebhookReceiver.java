package dev.switchman.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A real local HTTP receiver for webhook tests (the JDK's HttpServer): records every body it is sent and
 * answers with scripted replies (then 200). {@link #hold()} makes it take requests and not answer until
 * {@link #release()}, like a receiver that hangs.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                bodies.add(body);
            }
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Reply reply;
            synchronized (this) {
                reply = script.isEmpty() ? new Reply(200, Map.of()) : script.poll();
            }
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to POST to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/t0k3n-in-the-path";
    }

    /** Answers the next requests with these replies, in order, then 200. */
    public synchronized WebhookReceiver thenReply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The bodies received so far, parsed as JSON. */
    public List<JsonNode> json() {
        ObjectMapper mapper = new ObjectMapper();
        return bodies().stream().map(body -> {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
