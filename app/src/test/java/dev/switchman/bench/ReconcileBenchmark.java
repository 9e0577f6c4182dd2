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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Prints what reconciling costs, measured on the packaged daemon ({@code serve --sandbox}) from the
 * outside: its metrics, its status API and /proc. A program, not a test: run
 * {@code bench/reconcile-benchmark.sh ENVIRONMENTS SERVICES [SOAK_SECONDS]}.
 *
 * <p>Figures: wall time and Railway requests to converge every environment from scratch; requests
 * per no-op cycle; CPU time per reconcile; time from a desired-state change on disk to the first
 * mutation sent to Railway; resident memory at the end (after the optional soak).
 */
public final class ReconcileBenchmark {

    private static final Set<String> READS = Set.of("EnvironmentState", "ProjectTopology", "Deployment",
            "Deployments", "VolumeInstanceBackupList", "WorkflowStatus", "Projects", "ProjectToken");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long CLOCK_TICKS = 100;

    private final int environments;
    private final int services;
    private final Path dir;
    private final String base;
    private Process daemon;

    private ReconcileBenchmark(int environments, int services, Path dir, int port) {
        this.environments = environments;
        this.services = services;
        this.dir = dir;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int soakSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Files.createTempDirectory("switchman-bench-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ReconcileBenchmark bench = new ReconcileBenchmark(environments, services, dir, port);
        try {
            bench.run(soakSeconds);
        } finally {
            bench.stop();
        }
    }

    private void run(int soakSeconds) throws Exception {
        BenchDesiredState.write(dir, environments, services, "v1");
        System.out.printf(Locale.ROOT, "%d environment(s) x %d service(s), sandbox with Railway's lifecycle in real time,"
                + " daemon JVM options: %s%n", environments, services, System.getenv().getOrDefault("DAEMON_JVM_OPTS", "(default)"));
        long started = System.nanoTime();
        start();
        waitFor(Duration.ofMinutes(20), this::allReady);
        double convergeSeconds = (System.nanoTime() - started) / 1e9;
        Metrics converged = metrics();
        System.out.printf(Locale.ROOT, "converge from scratch: %.1f s wall (JVM start included), %d Railway requests"
                + " (%d reads, %d writes), %d reconcile runs%n", convergeSeconds, converged.requests(),
                converged.requests() - converged.writes(), converged.writes(), converged.reconciles());

        Metrics before = metrics();
        long cpuBefore = cpuTicks();
        waitFor(Duration.ofMinutes(5), () -> metrics().reconciles() >= before.reconciles() + 2L * environments);
        Metrics after = metrics();
        long runs = after.reconciles() - before.reconciles();
        System.out.printf(Locale.ROOT, "no-op cycles: %d runs, %.2f Railway requests per run, %d writes, %.1f ms wall"
                + " per run, %.1f ms process CPU per run (everything the process did meanwhile, idle work included)%n",
                runs, (after.requests() - before.requests()) / (double) runs, after.writes() - before.writes(),
                (after.runSeconds() - before.runSeconds()) * 1000 / runs,
                (cpuTicks() - cpuBefore) * 1000.0 / CLOCK_TICKS / runs);

        long writesBefore = metrics().writes();
        long changed = System.nanoTime();
        BenchDesiredState.write(dir, environments, services, "v2");
        waitFor(Duration.ofMinutes(2), () -> metrics().writes() > writesBefore);
        System.out.printf(Locale.ROOT, "desired-state change on disk -> first Railway mutation: %.2f s%n",
                (System.nanoTime() - changed) / 1e9);
        waitFor(Duration.ofMinutes(10), this::allReady);

        if (soakSeconds > 0) {
            System.out.printf(Locale.ROOT, "soaking %d s...%n", soakSeconds);
            Thread.sleep(soakSeconds * 1000L);
        }
        System.out.printf(Locale.ROOT, "resident memory after %d s of reconciling: %d MB%n",
                (System.nanoTime() - started) / 1_000_000_000L, rssKb() / 1024);
    }

    private void start() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        // heap settings for the daemon, e.g. "-Xmx96m -XX:+UseSerialGC", to see memory as a sidecar would run
        String jvmOptions = System.getenv().getOrDefault("DAEMON_JVM_OPTS", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", root.resolve("target/quarkus-app/quarkus-run.jar").toString(), "serve",
                "--sandbox", "--dir", dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("target/reconcile-benchmark.log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", base.substring(base.lastIndexOf(':') + 1));
        builder.environment().put("SWITCHMAN_DESIRED_POLL_INTERVAL", "1s");
        // Railway's Pro plan budget; the Hobby default (1,000/h) would make 800 writes the whole hour's budget.
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_HOUR", "10000");
        builder.environment().put("SWITCHMAN_RAILWAY_REQUESTS_PER_SECOND", "50");
        builder.environment().remove("DATABASE_URL");
        daemon = builder.start();
    }

    private void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor();
        }
    }

    /** Every environment Ready at its revision in the tree now on disk. */
    private boolean allReady() {
        String onDisk = BenchDesiredState.revisionOf(dir);
        try {
            JsonNode list = JSON.readTree(get("/api/v1/environments"));
            int ready = 0;
            for (JsonNode env : list) {
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

    private Metrics metrics() {
        long requests = 0;
        long writes = 0;
        long reconciles = 0;
        double runSeconds = 0;
        try {
            for (String line : get("/q/metrics").split("\n")) {
                if (line.startsWith("switchman_railway_requests_total{")) {
                    long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    requests += value;
                    String operation = line.replaceAll(".*operation=\"([^\"]+)\".*", "$1");
                    writes += READS.contains(operation) ? 0 : value;
                } else if (line.startsWith("switchman_reconcile_total{")) {
                    reconciles += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("switchman_reconcile_duration_seconds_sum")) {
                    runSeconds += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the daemon stopped answering: see target/reconcile-benchmark.log", e);
        }
        return new Metrics(requests, writes, reconciles, runSeconds);
    }

    private String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private long cpuTicks() throws IOException {
        List<String> fields = List.of(Files.readString(Path.of("/proc", String.valueOf(daemon.pid()), "stat"))
                .replaceAll("^.*\\) ", "").split(" "));
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }

    private long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(daemon.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }

    private void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited: see target/reconcile-benchmark.log");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + limit + ": see target/reconcile-benchmark.log");
            }
            Thread.sleep(200);
        }
    }

    private record Metrics(long requests, long writes, long reconciles, double runSeconds) {
    }
}
