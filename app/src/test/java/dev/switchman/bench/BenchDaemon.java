package dev.switchman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The packaged daemon as a benchmark sees it from the outside: {@code serve --sandbox} on a generated desired
 * state, its metrics, its status API and its process in /proc.
 */
final class BenchDaemon implements AutoCloseable {

    private static final Set<String> READS = Set.of("EnvironmentState", "ProjectTopology", "Deployment",
            "Deployments", "VolumeInstanceBackupList", "WorkflowStatus", "Projects", "ProjectToken");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final long CLOCK_TICKS = 100;

    /** Counters read from /q/metrics. */
    record Metrics(long requests, long writes, long reconciles, double runSeconds) {
    }

    private final Process process;
    private final String base;
    private final Path dir;
    private final int environments;
    private final Path log;

    private BenchDaemon(Process process, String base, Path dir, int environments, Path log) {
        this.process = process;
        this.base = base;
        this.dir = dir;
        this.environments = environments;
        this.log = log;
    }

    /**
     * Starts {@code launcher} (the command before {@code serve}) on the desired state in {@code dir}, with the Pro
     * plan's API budget: the Hobby default (1,000/h) would make the first converge the whole hour's budget.
     */
    static BenchDaemon start(List<String> launcher, Path dir, int environments, Path log) throws IOException {
        return start(launcher, List.of("--sandbox"), Map.of(), dir, environments, log);
    }

    /**
     * Starts {@code launcher serve} with {@code options} and {@code environment} added, e.g. a Railway sandbox
     * running in a process of its own ({@link #sandbox}) instead of {@code --sandbox} in the daemon's.
     */
    static BenchDaemon start(List<String> launcher, List<String> options, Map<String, String> environment, Path dir,
            int environments, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.add("serve");
        command.addAll(options);
        command.addAll(List.of("--dir", dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("SWITCHMAN_DESIRED_POLL_INTERVAL", "1s");
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_HOUR", "10000");
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_SECOND", "50");
        builder.environment().remove("DATABASE_URL");
        return new BenchDaemon(builder.start(), "http://127.0.0.1:" + port, dir, environments, log);
    }

    /**
     * {@code launcher sandbox} seeded with the projects in {@code dir}, in a process of its own, so the daemon's
     * memory is the daemon's alone; returns the process once its GraphQL endpoint answers, and its URL through
     * {@code url}.
     */
    static Process sandbox(List<String> launcher, Path dir, Path log, String[] url) throws IOException,
            InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("sandbox", "--port", String.valueOf(port), "--dir", dir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        url[0] = "http://127.0.0.1:" + port + "/graphql/v2";
        for (int attempt = 0; attempt < 600 && process.isAlive(); attempt++) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(url[0])).timeout(Duration.ofSeconds(2))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
                return process;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the sandbox did not start: see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether /q/health/ready answers 200. */
    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    /** Every environment Ready at its own revision, read from the tree now on disk (its provenance). */
    boolean allReady() {
        String onDisk = BenchDesiredState.revisionOf(dir);
        try {
            int ready = 0;
            for (JsonNode env : JSON.readTree(get("/api/v1/environments"))) {
                if ("True".equals(env.path("conditions").path("Ready").asText())
                        && env.path("reconciledRevision").asText().equals(env.path("revision").asText())
                        && onDisk.equals(env.path("provenance").asText())) {
                    ready++;
                }
            }
            return ready == environments;
        } catch (IOException | InterruptedException notYet) {
            return false;
        }
    }

    Metrics metrics() {
        long requests = 0;
        long writes = 0;
        long reconciles = 0;
        double runSeconds = 0;
        try {
            for (String line : get("/q/metrics").split("\n")) {
                double value = line.startsWith("#") || line.isBlank() ? 0
                        : Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("switchman_railway_requests_total{")) {
                    requests += (long) value;
                    writes += READS.contains(line.replaceAll(".*operation=\"([^\"]+)\".*", "$1")) ? 0 : (long) value;
                } else if (line.startsWith("switchman_reconcile_total{")) {
                    reconciles += (long) value;
                } else if (line.startsWith("switchman_reconcile_duration_seconds_sum")) {
                    runSeconds += value;
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the daemon stopped answering: see " + log, e);
        }
        return new Metrics(requests, writes, reconciles, runSeconds);
    }

    /** User plus system CPU time of the process, in clock ticks. */
    long cpuTicks() throws IOException {
        List<String> fields = List.of(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"))
                .replaceAll("^.*\\) ", "").split(" "));
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }

    long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    /** Polls {@code condition} until it holds; a benchmark waits, it never decides a result by the time. */
    void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the daemon exited: see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + limit + ": see " + log);
            }
            Thread.sleep(200);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
