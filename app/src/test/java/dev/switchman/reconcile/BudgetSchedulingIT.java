package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredProject;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.Policy;
import dev.switchman.store.EnvironmentControlRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop and the API budget: environments that cannot all be read at their declared intervals within half the
 * budget are read less often (and the status says so), environments starting together share one read, and a run
 * waiting for the budget is not taken for a wedged one.
 */
@QuarkusTest
class BudgetSchedulingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EnvironmentControlRepository controls;

    private final FakeReconciler reconciler = new FakeReconciler();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicReference<DesiredState> desired = new AtomicReference<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final String project = "p-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A Hobby budget (1,000 requests an hour), read in batches of 10, and what a thread waited. */
    private record Hobby(Map<Thread, Duration> waits) implements ReconcileScheduler.Budget {
        @Override
        public int perHour() {
            return 1000;
        }

        @Override
        public int batch() {
            return 10;
        }

        @Override
        public Duration waited(Thread thread) {
            return waits.getOrDefault(thread, Duration.ZERO);
        }
    }

    private ReconcileScheduler scheduler(ReconcileScheduler.Budget budget) {
        return new ReconcileScheduler(reconciler, () -> Optional.ofNullable(desired.get()), environment -> "",
                controls, executor, clock, new RunDelays(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> 0.5),
                budget);
    }

    private void declare(int count, Duration interval) {
        Map<String, DesiredEnvironment> environments = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Policy policy = new Policy(Policy.DriftMode.SELF_HEAL, false, Policy.RollbackMode.AUTOMATIC,
                    interval.plusSeconds(i % 2 == 0 ? 0 : 10), false);
            environments.put("env" + i, new DesiredEnvironment(project, "env" + i, null, Map.of(), Map.of(),
                    Map.of(), policy, null));
        }
        desired.set(new DesiredState("r1", List.of(new DesiredProject(project, null, environments))));
    }

    @Test
    void aHundredEnvironmentsOnAHobbyBudgetAreReadLessOftenThanDeclaredAndTheScheduleSaysSo() throws Exception {
        declare(100, Duration.ofSeconds(60));
        ReconcileScheduler scheduler = scheduler(new Hobby(Map.of()));

        assertThat(scheduler.tick()).hasSize(100);
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();

        BudgetFit fit = scheduler.fit();
        assertThat(fit.stretched()).isTrue();
        assertThat(fit.readsPerHour()).isCloseTo((50 * 3600.0 / 60 + 50 * 3600.0 / 70) / 10,
                Offset.offset(0.01));
        EnvironmentSchedule first = scheduler.schedule(project + "/env0").orElseThrow();
        assertThat(first.declaredInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(first.interval()).isGreaterThan(Duration.ofSeconds(60));
        assertThat(Duration.between(clock.instant(), first.nextRunAt())).isEqualTo(first.interval());
        // at rest the hundred use at most half of the hour's thousand requests
        double readsPerHour = scheduler.schedules().stream()
                .mapToDouble(s -> 3600.0 / (s.interval().toMillis() / 1000.0)).sum() / 10;
        assertThat(readsPerHour).isLessThanOrEqualTo(500.0 + 0.01);
        assertThat(reconciler.batches()).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(10));
    }

    @Test
    void anEnvironmentDueSoonJoinsTheReadOfOneDueNow() throws Exception {
        declare(2, Duration.ofSeconds(60));
        ReconcileScheduler scheduler = scheduler(new Hobby(Map.of()));
        scheduler.tick();
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();

        clock.advance(Duration.ofSeconds(61));
        List<String> started = scheduler.tick();
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();

        // env0 is due (60 s), env1 would be at 70 s: it comes along, read in the same request
        assertThat(started).containsExactly(project + "/env0", project + "/env1");
        assertThat(reconciler.batches().get(reconciler.batches().size() - 1))
                .containsExactly(project + "/env0", project + "/env1");
        assertThat(reconciler.runs(project + "/env1")).extracting(FakeReconciler.Run::trigger)
                .containsExactly("startup", "interval");
    }

    @Test
    void aRunWaitingForTheBudgetIsNotTakenForAWedgedOne() throws Exception {
        declare(1, Duration.ofSeconds(60));
        Map<Thread, Duration> waits = new ConcurrentHashMap<>();
        ReconcileScheduler scheduler = scheduler(new Hobby(waits));
        reconciler.hold(project + "/env0");
        Instant started = clock.instant();
        scheduler.tick();
        Thread running = awaitRunningThread(scheduler);

        clock.advance(Duration.ofMinutes(20));
        waits.put(running, Duration.ofMinutes(19));

        assertThat(scheduler.oldestRunStartedAt()).contains(started.plus(Duration.ofMinutes(19)));
        LoopHealth health = new LoopHealth(true, true, clock.instant(), Duration.ofSeconds(1),
                scheduler.oldestRunStartedAt().orElseThrow(), Duration.ofMinutes(15), null);
        assertThat(health.wedged(clock.instant(), started)).isFalse();
        reconciler.open(project + "/env0");
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();
    }

    private static Thread awaitRunningThread(ReconcileScheduler scheduler) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            var schedules = scheduler.schedules();
            if (!schedules.isEmpty() && schedules.get(0).state() == EnvironmentSchedule.State.RUNNING) {
                Thread thread = scheduler.runningThread(schedules.get(0).qualifiedName());
                if (thread != null) {
                    return thread;
                }
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
        throw new AssertionError("the run never started");
    }
}
