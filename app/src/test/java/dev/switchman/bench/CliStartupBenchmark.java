package dev.switchman.bench;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.store.EmbeddedPostgres;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how long the command line takes to say something, as a person at a terminal feels it: time to
 * the first byte of output and to exit of {@code ./switchman} (the launcher, its JVM options, the packaged
 * application), over N runs of each command after one unmeasured run, against an in-process
 * Railway sandbox seeded from {@code desired-state/} (and, for {@code apply}, an embedded state store).
 * The target: {@code plan} under 3 s to first output. A program, not a test: run
 * {@code bench/cli-startup-benchmark.sh [RUNS]}.
 */
public final class CliStartupBenchmark {

    private static final String TOKEN = "bench-token";

    private CliStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, Object> fixture = Map.of("seed", "cli-bench", "clock", "real",
                "tokens", List.of(Map.of("token", TOKEN, "kind", "account")),
                "projects", DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state().projects().stream()
                        .map(p -> Map.of("name", p.name(), "environments", List.copyOf(p.environments().keySet())))
                        .toList());
        try (SandboxServer railway = new SandboxServer(RailwaySandbox.fromFixture(fixture)).start(0);
                EmbeddedPostgres store = EmbeddedPostgres.start()) {
            Map<String, String> env = Map.of("RAILWAY_API_URL", railway.url() + "/graphql/v2", "RAILWAY_API_TOKEN", TOKEN,
                    "DATABASE_URL", store.databaseUrl(EmbeddedPostgres.DATABASE));
            System.out.printf(Locale.ROOT, "./switchman, %d run(s) each after one unmeasured; java %s, %d CPU(s),"
                    + " load %.1f%n%n", runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "%-58s %21s %21s%n", "command", "first output (median/max)", "exit (median/max)");
            measure(runs, env, "version");
            measure(runs, env, "validate");
            measure(runs, env, "plan", "--env", "django-api/staging");
            measure(runs, env, "plan", "--all");
            measure(runs, env, "apply", "--env", "django-api/staging", "--yes");
        }
    }

    private static void measure(int runs, Map<String, String> env, String... command) throws IOException, InterruptedException {
        long[] first = new long[runs];
        long[] exit = new long[runs];
        run(env, command);
        for (int i = 0; i < runs; i++) {
            long[] times = run(env, command);
            first[i] = times[0];
            exit[i] = times[1];
        }
        System.out.printf(Locale.ROOT, "%-58s %9.2f s / %5.2f s %9.2f s / %5.2f s%n", "switchman " + String.join(" ", command),
                median(first), max(first), median(exit), max(exit));
    }

    /** Nanoseconds to the first byte on stdout or stderr, and to exit. */
    private static long[] run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        // as a person at the repository's root runs it, wherever the benchmark runs
        List<String> line = new ArrayList<>(List.of(RepositoryRoot.resolve("switchman").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(RepositoryRoot.path().toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        long firstByte = -1;
        try (InputStream out = process.getInputStream()) {
            if (out.read() >= 0) {
                firstByte = System.nanoTime() - start;
            }
            out.transferTo(OutputStream.nullOutputStream());
        }
        process.waitFor();
        return new long[] {firstByte, System.nanoTime() - start};
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }

    private static double max(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e9;
    }
}
