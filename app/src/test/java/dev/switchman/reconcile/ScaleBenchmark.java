package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import dev.switchman.railway.CountingTransport;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayStatus;
import dev.switchman.railway.SandboxRailwayClients;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFixture;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.EventRepository;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.testing.SharedPostgres;
import dev.switchman.testing.StoreTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * Prints what Railway's API budget pays for at scale, on a Hobby budget (1,000 requests an hour, 10 a second):
 * for N environments x M services x V variables, the requests of a no-op cycle, the requests and time to converge
 * one change per service, the requests to follow a rollout, and an hour of the loop itself (its scheduler, the
 * real reconciler and client, the sandbox over HTTP, a real PostgreSQL) on the sandbox's virtual clock: how long
 * any environment went unread, and whether the loop ever looked wedged. A program, not a test:
 * {@code bench/scale-benchmark.sh}.
 */
public final class ScaleBenchmark {

    private static final String TOKEN = "bench-token";
    /** The loop ticks every this many seconds of the sandbox's clock (the daemon ticks every second). */
    private static final int TICK = 5;

    public static void main(String[] args) throws Exception {
        int[][] shapes = args.length >= 3
                ? new int[][] {{Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2])}}
                : new int[][] {{1, 10, 8}, {10, 20, 10}, {100, 20, 10}};
        SharedPostgres postgres = SharedPostgres.get();
        DataSource store = postgres.dataSource(postgres.createStore("scale"));
        for (int[] shape : shapes) {
            new ScaleBenchmark(store, shape[0], shape[1], shape[2]).run();
        }
    }

    private final DataSource store;
    private final int environments;
    private final int services;
    private final int variables;

    private ScaleBenchmark(DataSource store, int environments, int services, int variables) {
        this.store = store;
        this.environments = environments;
        this.services = services;
        this.variables = variables;
    }

    private void run() throws Exception {
        StoreTables.truncateAll(store);
        String[] names = new String[environments];
        for (int e = 0; e < environments; e++) {
            names[e] = String.format(Locale.ROOT, "env-%03d", e);
        }
        RailwaySandbox sandbox = SandboxFixture.create().accountToken(TOKEN)
                .set("rateLimits", Map.of("perHour", 1000, "perSecond", 10))
                .project("bench", p -> p.environments(names)).build();
        Path dir = Files.createTempDirectory("switchman-scale-");
        try (SandboxServer server = new SandboxServer(sandbox).start(0)) {
            CountingTransport transport = new CountingTransport(server.url() + "/graphql/v2");
            RailwayStatus status = new RailwayStatus();
            RailwayApi railway = SandboxRailwayClients.create(sandbox, transport, TOKEN, new SimpleMeterRegistry(),
                    status);
            EnvironmentReconciler reconciler = new EnvironmentReconciler(railway,
                    name -> Optional.of(sandbox.projectId("bench")), name -> Optional.empty(),
                    new RunRepository(store), new LastAppliedRepository(store), new InventoryRepository(store),
                    new EnvironmentStatusRepository(store), new EventRepository(store), new SimpleMeterRegistry());
            System.out.printf(Locale.ROOT, "%d environment(s) x %d service(s) x %d variable(s), Hobby budget%n",
                    environments, services, variables);
            DesiredState first = write(dir, "a");
            Instant convergeStart = sandbox.clock().now();
            int before = transport.total();
            sweep(reconciler, first, sandbox, first.environments());
            System.out.printf(Locale.ROOT, "  converge from empty: %d requests, %s on the sandbox's clock%n",
                    transport.total() - before, Duration.between(convergeStart, sandbox.clock().now()));

            sandbox.advance(Duration.ofHours(1));
            before = transport.total();
            sweepOnce(reconciler, first, first.environments());
            System.out.printf(Locale.ROOT, "  no-op cycle: %d requests for %d environments (target: at most %d)%n",
                    transport.total() - before, environments, environments);

            DesiredState second = write(dir, "b");
            before = transport.total();
            // a fresh hour of budget, as a change made after a quiet while has
            sandbox.advance(Duration.ofHours(1));
            Instant changeStart = sandbox.clock().now();
            Sweep firstRun = sweepOnce(reconciler, second, second.environments());
            int written = transport.total() - before;
            sandbox.advance(Duration.ofSeconds(30));
            sweep(reconciler, second, sandbox, firstRun.pending());
            System.out.printf(Locale.ROOT, "  one change per service: %d requests to read, write and deploy (target: at"
                    + " most %d), %d more to follow the rollouts until verified; converged in %s on the sandbox's"
                    + " clock%s%n", written, environments * (services + 3), transport.total() - before - written,
                    Duration.between(changeStart, sandbox.clock().now()),
                    firstRun.onlyRateLimited() || written < environments * (services + 2)
                            ? " (the hour's budget ran out before every environment's run: the rest waited for it)" : "");

            loopForAnHour(reconciler, railway, status, second, sandbox, transport);
        }
    }

    /**
     * Reconciles the environments not yet converged, in batches as the loop starts them, until all are: one that
     * converged waits for its interval in the daemon, so it is not read again here. A round in which Railway refused
     * everything for the hour's budget moves the clock on by five minutes rather than thirty seconds.
     */
    private void sweep(EnvironmentReconciler reconciler, DesiredState state, RailwaySandbox sandbox,
            List<DesiredEnvironment> pending) {
        for (int round = 0; round < 2_000; round++) {
            Sweep result = sweepOnce(reconciler, state, pending);
            if (result.pending().isEmpty()) {
                return;
            }
            pending = result.pending();
            sandbox.advance(result.onlyRateLimited() ? Duration.ofMinutes(5) : Duration.ofSeconds(30));
        }
        throw new IllegalStateException("did not converge in 2,000 rounds");
    }

    /** @param pending the environments that did not converge in the round, in their order */
    private record Sweep(List<DesiredEnvironment> pending, boolean onlyRateLimited) {
    }

    private Sweep sweepOnce(EnvironmentReconciler reconciler, DesiredState state, List<DesiredEnvironment> due) {
        List<DesiredEnvironment> pending = new ArrayList<>();
        boolean onlyRateLimited = true;
        for (int i = 0; i < due.size(); i += 10) {
            List<DesiredEnvironment> batch = due.subList(i, Math.min(due.size(), i + 10));
            reconciler.startTogether(batch);
            for (DesiredEnvironment environment : batch) {
                ReconcileOutcome outcome = reconciler.reconcile(environment, state.fingerprint(environment),
                        state.revision(), "bench");
                if (!(outcome instanceof ReconcileOutcome.Converged)) {
                    pending.add(environment);
                }
                onlyRateLimited &= outcome instanceof ReconcileOutcome.Retry retry
                        && retry.reason().equals("RailwayRateLimited");
            }
        }
        return new Sweep(pending, onlyRateLimited);
    }

    /**
     * The loop itself for an hour of the sandbox's clock: every tick, whatever is due runs; afterwards, the longest
     * any environment went unread, the requests sent, and whether the liveness check would ever have said wedged.
     */
    private void loopForAnHour(EnvironmentReconciler reconciler, RailwayApi railway, RailwayStatus status,
            DesiredState state, RailwaySandbox sandbox, CountingTransport transport) throws Exception {
        Map<String, Instant> lastRun = new HashMap<>();
        Map<String, Duration> longestGap = new HashMap<>();
        ReconcileScheduler.Action recording = new ReconcileScheduler.Action() {
            @Override
            public ReconcileOutcome reconcile(DesiredEnvironment environment, String fingerprint, String provenance,
                    String trigger) {
                Instant now = sandbox.clock().now();
                synchronized (lastRun) {
                    Instant previous = lastRun.put(environment.qualifiedName(), now);
                    if (previous != null) {
                        longestGap.merge(environment.qualifiedName(), Duration.between(previous, now),
                                (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                }
                return reconciler.reconcile(environment, fingerprint, provenance, trigger);
            }

            @Override
            public void startTogether(List<DesiredEnvironment> batch) {
                reconciler.startTogether(batch);
            }
        };
        ExecutorService workers = Executors.newFixedThreadPool(2);
        InstantSource clock = () -> sandbox.clock().now();
        ReconcileScheduler scheduler = new ReconcileScheduler(recording, () -> Optional.of(state), e -> "",
                new EnvironmentControlRepository(store), workers, clock,
                new RunDelays(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> Math.random()),
                new RailwayBudget(status, 10));
        int before = transport.total();
        boolean everWedged = false;
        Instant start = sandbox.clock().now();
        for (int second = 0; second < 3600; second += TICK) {
            scheduler.tick();
            scheduler.awaitIdle(Duration.ofMinutes(5));
            LoopHealth health = new LoopHealth(true, true, sandbox.clock().now(), Duration.ofSeconds(1),
                    scheduler.oldestRunStartedAt().orElse(null), Duration.ofMinutes(15), null);
            everWedged |= health.wedged(sandbox.clock().now(), start);
            Instant target = start.plusSeconds(second + TICK);
            if (sandbox.clock().now().isBefore(target)) {
                sandbox.advance(Duration.between(sandbox.clock().now(), target));
            }
        }
        workers.shutdown();
        Duration worst = longestGap.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        BudgetFit fit = scheduler.fit();
        System.out.printf(Locale.ROOT, "  an hour of the loop: %d requests, every environment read at least every %s"
                + " (declared 60 s, stretched %.2fx to fit half the budget), liveness %s throughout%n",
                transport.total() - before, worst, fit.stretch(), everWedged ? "DOWN at times" : "UP");
    }

    private DesiredState write(Path dir, String value) throws IOException {
        StringBuilder project = new StringBuilder("""
                apiVersion: switchman.dev/v1alpha1
                kind: Project
                metadata: { name: bench }
                spec:
                  defaults:
                    policy: { drift: selfHeal, interval: 60s }
                    services:
                """);
        for (int s = 0; s < services; s++) {
            project.append(String.format(Locale.ROOT, "      svc-%02d:%n        source: { image: \"ghcr.io/acme/svc:1.0\" }%n"
                    + "        variables:%n", s));
            for (int v = 0; v < variables; v++) {
                project.append(String.format(Locale.ROOT, "          VAR_%02d: \"%s-%d\"%n", v, v == 0 ? value : "x", v));
            }
        }
        Files.writeString(dir.resolve("project.yaml"), project.toString());
        for (int e = 0; e < environments; e++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "env-%03d.yaml", e)), String.format(Locale.ROOT, """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata: { name: env-%03d, project: bench }
                    spec: {}
                    """, e));
        }
        LoadResult result = DesiredStateLoader.load(dir);
        if (result.hasErrors()) {
            throw new IllegalStateException(result.diagnostics().toString());
        }
        return result.state();
    }
}
