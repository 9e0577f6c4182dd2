package dev.switchman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints what the daemon costs as the JVM distribution runs it (bin/switchman with lib/jvm.options): start time to
 * ready, idle resident memory and process CPU per no-op reconcile, for each environment count given (default 1, 10
 * and 100), 20 services each, against the Railway sandbox in a process of its own (so the figures are the
 * daemon's alone). A program, not a test:
 * {@code bench/footprint-benchmark.sh [ENVIRONMENTS...]}.
 */
public final class FootprintBenchmark {

    private static final int SERVICES = 20;
    private static final long TARGET_RSS_MB = 150;
    /** The account token {@code switchman sandbox} seeds (dev.switchman.cli.SandboxSeed). */
    private static final String SANDBOX_TOKEN = "sandbox-account-token";

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = args.length == 0 ? List.of(1, 10, 100) : Stream.of(args).map(Integer::valueOf).toList();
        Path launcher = launcher();
        System.out.printf(Locale.ROOT, "launcher %s, JVM options %s%n", launcher,
                System.getenv().getOrDefault("SWITCHMAN_JAVA_OPTS", "(lib/jvm.options only)"));
        System.out.println("environments x services | ready after | converged after | CPU per no-op run | idle RSS");
        for (int environments : counts) {
            measure(launcher, environments);
        }
    }

    private static void measure(Path launcher, int environments) throws Exception {
        Path dir = Files.createTempDirectory("switchman-footprint-");
        BenchDesiredState.write(dir, environments, SERVICES, "v1");
        String[] sandboxUrl = new String[1];
        Process sandbox = BenchDaemon.sandbox(List.of(launcher.toString()), dir,
                Path.of("target/footprint-sandbox-" + environments + ".log"), sandboxUrl);
        long started = System.nanoTime();
        try (BenchDaemon daemon = BenchDaemon.start(List.of(launcher.toString()), List.of(),
                Map.of("RAILWAY_API_URL", sandboxUrl[0], "RAILWAY_API_TOKEN", SANDBOX_TOKEN, "RAILWAY_TOKEN", ""), dir,
                environments, Path.of("target/footprint-benchmark-" + environments + ".log"))) {
            daemon.waitFor(Duration.ofMinutes(2), daemon::ready);
            double ready = seconds(started);
            daemon.waitFor(Duration.ofMinutes(40), daemon::allReady);
            double converged = seconds(started);

            // no-op cycles: every environment looks for drift every 10 s (the generated policy.interval)
            BenchDaemon.Metrics before = daemon.metrics();
            long cpuBefore = daemon.cpuTicks();
            daemon.waitFor(Duration.ofMinutes(10),
                    () -> daemon.metrics().reconciles() >= before.reconciles() + 3L * environments);
            long runs = daemon.metrics().reconciles() - before.reconciles();
            double cpuPerRun = (daemon.cpuTicks() - cpuBefore) * 1000.0 / BenchDaemon.CLOCK_TICKS / runs;
            long rssMb = daemon.rssKb() / 1024;
            System.out.printf(Locale.ROOT, "%12d x %d | %8.1f s | %12.1f s | %10.1f ms | %4d MB%s%n", environments,
                    SERVICES, ready, converged, cpuPerRun, rssMb,
                    environments == 10 ? (rssMb <= TARGET_RSS_MB ? " (target <= 150 MB: met)" : " (target <= 150 MB: missed)")
                            : "");
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** bin/switchman of the distribution .ci/package-jvm-dist unpacked under target/dist (or SWITCHMAN_DIST). */
    private static Path launcher() throws IOException {
        try (Stream<Path> dists = Files.list(Path.of(System.getenv().getOrDefault("SWITCHMAN_DIST", "target/dist")))) {
            return dists.map(d -> d.resolve("bin/switchman")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/dist/*/bin/switchman: run .ci/package-jvm-dist"))
                    .toAbsolutePath();
        }
    }
}
