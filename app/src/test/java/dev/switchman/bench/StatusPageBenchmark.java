package dev.switchman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.store.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Prints what the status page costs the daemon with many environments: the packaged daemon ({@code serve
 * --sandbox}) on a PostgreSQL this program starts, its store given 24 hours of history (a run per environment
 * per minute), then each page asked for repeatedly. The figure that matters is the daemon's own time to read and
 * render (its {@code Server-Timing} header); the time to the last byte is printed beside it. A program, not a
 * test: run {@code bench/status-page-benchmark.sh [ENVIRONMENTS=100] [REQUESTS=100]}.
 */
public final class StatusPageBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SERVICES = 3;
    private static final int WARM_UP = 30;

    private final int environments;
    private final String base;
    private Process daemon;

    private StatusPageBenchmark(int environments, int port) {
        this.environments = environments;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StatusPageBenchmark bench = new StatusPageBenchmark(environments, port);
        try (EmbeddedPostgres store = EmbeddedPostgres.start()) {
            Path dir = Files.createTempDirectory("switchman-page-bench-");
            // the default drift interval: the loop's own work beside the pages is what a daemon usually does
            BenchDesiredState.write(dir, environments, SERVICES, "v1", "60s");
            bench.start(dir, store);
            bench.waitUntil(Duration.ofMinutes(15), bench::everyEnvironmentReady);
            int rows = history(store);
            System.out.printf(Locale.ROOT, "%d environment(s) x %d service(s); %d reconcile runs added to the store"
                    + " (24 h, one a minute each); load average %s%n", environments, SERVICES, rows, loadAverage());
            bench.measure("overview  GET /", "/", requests);
            bench.measure("env page  GET /environments/bench/env-01", "/environments/bench/env-01", requests);
        } finally {
            bench.stop();
        }
    }

    private void start(Path dir, EmbeddedPostgres store) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar",
                root.resolve("target/quarkus-app/quarkus-run.jar").toString(), "serve", "--sandbox", "--dir",
                dir.toString()).redirectErrorStream(true).redirectOutput(root.resolve("target/status-page-benchmark.log")
                        .toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", base.substring(base.lastIndexOf(':') + 1));
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", store.jdbcUrl());
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", store.username());
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_HOUR", "10000");
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_SECOND", "50");
        builder.environment().remove("DATABASE_URL");
        daemon = builder.start();
    }

    /** A day of runs for every environment, a minute apart, mostly converged: what the run strips summarise. */
    private static int history(EmbeddedPostgres store) throws Exception {
        try (Connection connection = DriverManager.getConnection(store.jdbcUrl(), store.username(), store.password());
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate("""
                    insert into reconcile_runs (project, environment, revision, trigger, started_at, finished_at,
                      result, summary)
                    select e.project, e.environment, 'sha256:bench', 'interval', now() - m * interval '1 minute',
                      now() - m * interval '1 minute' + interval '150 milliseconds',
                      case when m % 97 = 0 then 'Retry' when m % 31 = 0 then 'Progressing' when m % 401 = 0
                        then 'Stalled' else 'Converged' end,
                      '{"durationMillis": 150, "reason": "Converged"}'::jsonb
                    from (select distinct project, environment from reconcile_runs) e,
                      generate_series(1, 1440) m""");
        }
    }

    private void measure(String label, String path, int requests) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(path);
        }
        List<Double> read = new ArrayList<>();
        List<Double> render = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(path);
            client.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            String timing = response.headers().firstValue("Server-Timing").orElseThrow();
            read.add(duration(timing, "read"));
            render.add(duration(timing, "render"));
            server.add(read.getLast() + render.getLast());
            bytes = response.body().length();
        }
        System.out.printf(Locale.ROOT, "%s (%d kB of HTML; %d requests after %d to warm up)%n"
                + "  on the server, read + render: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms"
                + " (read: median %.1f ms, render: median %.1f ms); to the last byte: median %.1f ms%n", label,
                bytes / 1024, requests, WARM_UP, percentile(server, 0), percentile(server, 50), percentile(server, 95), percentile(server, 100),
                percentile(read, 50), percentile(render, 50), percentile(client, 50));
    }

    /** The {@code dur} of one metric in a {@code Server-Timing} header such as {@code read;dur=1.2, render;dur=3.4}. */
    private static double duration(String header, String metric) {
        for (String part : header.split(",")) {
            String[] fields = part.trim().split(";dur=");
            if (fields[0].equals(metric)) {
                return Double.parseDouble(fields[1]);
            }
        }
        throw new IllegalStateException("no " + metric + " in Server-Timing: " + header);
    }

    /** The machine's load: on a shared machine the figures are only as good as it is quiet. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private boolean everyEnvironmentReady() {
        try {
            JsonNode list = JSON.readTree(get("/api/v1/environments").body());
            int ready = 0;
            for (JsonNode environment : list) {
                ready += "True".equals(environment.path("conditions").path("Ready").asText()) ? 1 : 0;
            }
            return ready == environments;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon stopped or is too slow: see target/status-page-benchmark.log");
            }
            Thread.sleep(500);
        }
    }

    private void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor();
        }
    }
}
