package dev.switchman.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private final int environments;
    private final int services;
    private final Path dir;

    private ReconcileBenchmark(int environments, int services, Path dir) {
        this.environments = environments;
        this.services = services;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int soakSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        new ReconcileBenchmark(environments, services, Files.createTempDirectory("switchman-bench-")).run(soakSeconds);
    }

    private void run(int soakSeconds) throws Exception {
        BenchDesiredState.write(dir, environments, services, "v1");
        System.out.printf(Locale.ROOT, "%d environment(s) x %d service(s), sandbox with Railway's lifecycle in real time,"
                + " daemon JVM options: %s%n", environments, services, System.getenv().getOrDefault("DAEMON_JVM_OPTS", "(default)"));
        long started = System.nanoTime();
        try (BenchDaemon daemon = BenchDaemon.start(launcher(), dir, environments,
                Path.of("target/reconcile-benchmark.log"))) {
            daemon.waitFor(Duration.ofMinutes(20), daemon::allReady);
            double convergeSeconds = (System.nanoTime() - started) / 1e9;
            BenchDaemon.Metrics converged = daemon.metrics();
            System.out.printf(Locale.ROOT, "converge from scratch: %.1f s wall (JVM start included), %d Railway requests"
                    + " (%d reads, %d writes), %d reconcile runs%n", convergeSeconds, converged.requests(),
                    converged.requests() - converged.writes(), converged.writes(), converged.reconciles());

            BenchDaemon.Metrics before = daemon.metrics();
            long cpuBefore = daemon.cpuTicks();
            daemon.waitFor(Duration.ofMinutes(5),
                    () -> daemon.metrics().reconciles() >= before.reconciles() + 2L * environments);
            BenchDaemon.Metrics after = daemon.metrics();
            long runs = after.reconciles() - before.reconciles();
            System.out.printf(Locale.ROOT, "no-op cycles: %d runs, %.2f Railway requests per run, %d writes, %.1f ms wall"
                    + " per run, %.1f ms process CPU per run (everything the process did meanwhile, idle work included)%n",
                    runs, (after.requests() - before.requests()) / (double) runs, after.writes() - before.writes(),
                    (after.runSeconds() - before.runSeconds()) * 1000 / runs,
                    (daemon.cpuTicks() - cpuBefore) * 1000.0 / BenchDaemon.CLOCK_TICKS / runs);

            long writesBefore = daemon.metrics().writes();
            long changed = System.nanoTime();
            BenchDesiredState.write(dir, environments, services, "v2");
            daemon.waitFor(Duration.ofMinutes(2), () -> daemon.metrics().writes() > writesBefore);
            System.out.printf(Locale.ROOT, "desired-state change on disk -> first Railway mutation: %.2f s%n",
                    (System.nanoTime() - changed) / 1e9);
            daemon.waitFor(Duration.ofMinutes(10), daemon::allReady);

            if (soakSeconds > 0) {
                System.out.printf(Locale.ROOT, "soaking %d s...%n", soakSeconds);
                Thread.sleep(soakSeconds * 1000L);
            }
            System.out.printf(Locale.ROOT, "resident memory after %d s of reconciling: %d MB%n",
                    (System.nanoTime() - started) / 1_000_000_000L, daemon.rssKb() / 1024);
        }
    }

    /** java with DAEMON_JVM_OPTS (e.g. "-Xmx96m -XX:+UseSerialGC", to see memory as a sidecar would run) and the jar. */
    private static List<String> launcher() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String jvmOptions = System.getenv().getOrDefault("DAEMON_JVM_OPTS", "").trim();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        return command;
    }
}
