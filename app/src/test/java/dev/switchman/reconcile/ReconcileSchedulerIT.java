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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop's decisions, driven tick by tick on a manual clock against the real state store. */
@QuarkusTest
class ReconcileSchedulerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(5);

    @Inject
    EnvironmentControlRepository controls;

    private final FakeReconciler reconciler = new FakeReconciler();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicReference<DesiredState> desired = new AtomicReference<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private String project;
    private ReconcileScheduler scheduler;

    @BeforeEach
    void declareTwoEnvironments() {
        project = "p-" + UUID.randomUUID();
        declare("r1", Policy.DEFAULT, Policy.DEFAULT);
        scheduler = newScheduler();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void neverRunsOneEnvironmentTwiceAtOnceButRunsItAgainForWhatArrivedMeanwhile() throws Exception {
        reconciler.hold(production());
        assertThat(tick()).containsExactlyInAnyOrder(production(), staging());
        // staging's first run ends on a worker thread: until it has, staging is not due again
        awaitNotRunning(staging());

        declare("r2", Policy.DEFAULT, Policy.DEFAULT);
        controls.requestReconcile(project, "production", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertThat(tick()).containsExactly(staging());
        assertThat(scheduler.schedule(production()).orElseThrow().state()).isEqualTo(EnvironmentSchedule.State.RUNNING);

        reconciler.open(production());
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();
        assertThat(tick()).containsExactly(production());
        idle();

        assertThat(reconciler.maxConcurrentRuns(production())).isEqualTo(1);
        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::revision).containsExactly("r1", "r2");
    }

    @Test
    void aNewRevisionRunsAtTheNextTickWithoutWaitingForTheInterval() throws Exception {
        tick();
        idle();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tick()).isEmpty();

        declare("r2", Policy.DEFAULT, Policy.DEFAULT);
        assertThat(tick()).containsExactlyInAnyOrder(production(), staging());
        idle();

        assertThat(reconciler.runs(production())).containsExactly(
                new FakeReconciler.Run(production(), "r1", "startup"),
                new FakeReconciler.Run(production(), "r2", "revision"));
    }

    @Test
    void convergedRunsAgainAfterItsIntervalAndProgressingAfterItsRequeue() throws Exception {
        reconciler.answer(staging(), new ReconcileOutcome.Progressing("r1", Duration.ofSeconds(20), "Deploying"));
        tick();
        idle();

        clock.advance(Duration.ofSeconds(19));
        assertThat(tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tick()).containsExactly(staging());
        idle();
        clock.advance(Duration.ofSeconds(40));
        assertThat(tick()).containsExactly(production());
        idle();

        assertThat(reconciler.runs(staging())).extracting(FakeReconciler.Run::trigger)
                .containsExactly("startup", "requeue");
        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::trigger)
                .containsExactly("startup", "interval");
    }

    @Test
    void retryBacksOffExponentiallyAndNeverRunsBeforeNotBefore() throws Exception {
        reconciler.answer(production(), FakeReconciler.retry(Duration.ZERO), FakeReconciler.retry(Duration.ZERO),
                FakeReconciler.retry(Duration.ofMinutes(2)));
        List<Duration> backoffs = new ArrayList<>();
        tick();
        idle();
        for (int attempt = 0; attempt < 2; attempt++) {
            Duration backoff = scheduler.schedule(production()).orElseThrow().backoff();
            backoffs.add(backoff);
            clock.advance(backoff.minusMillis(1));
            assertThat(tick()).doesNotContain(production());
            clock.advance(Duration.ofMillis(1));
            assertThat(tick()).contains(production());
            idle();
        }
        backoffs.add(scheduler.schedule(production()).orElseThrow().backoff());
        assertThat(backoffs).containsExactly(INITIAL_BACKOFF, INITIAL_BACKOFF.multipliedBy(2),
                INITIAL_BACKOFF.multipliedBy(4));

        declare("r2", Policy.DEFAULT, Policy.DEFAULT);
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(tick()).doesNotContain(production());
        clock.advance(Duration.ofSeconds(1));
        assertThat(tick()).contains(production());
        idle();

        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::trigger)
                .containsExactly("startup", "retry", "retry", "revision");
        assertThat(scheduler.schedule(production()).orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void aStalledEnvironmentIsStillReadAtItsIntervalAndAtOnceForARequestOrANewRevision() throws Exception {
        ReconcileOutcome stalled = new ReconcileOutcome.Stalled("RevisionQuarantined", "revision r1 is quarantined");
        reconciler.answer(production(), stalled, stalled, stalled);
        tick();
        idle();
        assertThat(scheduler.schedule(production()).orElseThrow().state()).isEqualTo(EnvironmentSchedule.State.STALLED);
        assertThat(tick()).isEmpty();

        clock.advance(Duration.ofHours(3));
        assertThat(tick()).containsExactlyInAnyOrder(production(), staging());
        idle();
        controls.requestReconcile(project, "production", clock.instant());
        assertThat(tick()).containsExactly(production());
        idle();
        declare("r2", Policy.DEFAULT, Policy.DEFAULT);
        tick();
        idle();

        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::trigger)
                .containsExactly("startup", "interval", "manual", "revision");
    }

    @Test
    void aChangeToAnotherEnvironmentIsNoNewRevisionHere() throws Exception {
        tick();
        idle();

        declareFingerprints("r9", "r1", "staging-2");
        assertThat(tick()).containsExactly(staging());
        idle();

        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::trigger).containsExactly("startup");
        assertThat(reconciler.runs(staging())).extracting(FakeReconciler.Run::revision)
                .containsExactly("r1", "staging-2");
    }

    @Test
    void aNewerInvalidDesiredStateRunsTheEnvironmentsItConcernsOnceToShowIt() throws Exception {
        AtomicReference<String> invalid = new AtomicReference<>("");
        scheduler = new ReconcileScheduler(reconciler, () -> Optional.ofNullable(desired.get()),
                environment -> environment.name().equals("production") ? invalid.get() : "", controls, executor,
                clock, new RunDelays(INITIAL_BACKOFF, Duration.ofMinutes(5), () -> 0.5), ReconcileScheduler.Budget.NONE);
        tick();
        idle();

        invalid.set("sha256:broken");
        assertThat(tick()).containsExactly(production());
        idle();
        assertThat(tick()).isEmpty();
        invalid.set("");
        assertThat(tick()).containsExactly(production());
        idle();
    }

    @Test
    void aSuspensionSurvivesARestartKeepsTheEnvironmentReadOnlyAndResumingRunsAtOnce() throws Exception {
        tick();
        idle();
        controls.suspend(project, "production", clock.instant(), "maintenance");

        scheduler = newScheduler();
        clock.advance(Duration.ofHours(1));
        tick();
        idle();
        assertThat(scheduler.schedule(production()).orElseThrow().state())
                .isEqualTo(EnvironmentSchedule.State.SUSPENDED);
        clock.advance(Duration.ofSeconds(60));
        assertThat(tick()).containsExactlyInAnyOrder(production(), staging());
        idle();

        controls.resume(project, "production");
        assertThat(tick()).containsExactly(production());
        idle();
        assertThat(reconciler.runs(production())).containsExactly(
                new FakeReconciler.Run(production(), "r1", "startup", false),
                new FakeReconciler.Run(production(), "r1", "startup", true),
                new FakeReconciler.Run(production(), "r1", "interval", true),
                new FakeReconciler.Run(production(), "r1", "resume", false));
        assertThat(reconciler.runs(staging())).allMatch(run -> !run.suspended());
    }

    @Test
    void policySuspendInTheYamlIsReadAtItsIntervalNotStalledForever() throws Exception {
        Policy suspended = new Policy(Policy.DriftMode.SELF_HEAL, false, Policy.RollbackMode.AUTOMATIC,
                Duration.ofSeconds(60), true);
        declare("r1", suspended, Policy.DEFAULT);
        tick();
        idle();
        clock.advance(Duration.ofSeconds(60));
        assertThat(tick()).containsExactlyInAnyOrder(production(), staging());
        idle();

        assertThat(reconciler.runs(production())).extracting(FakeReconciler.Run::suspended).containsExactly(true, true);
        assertThat(scheduler.schedule(production()).orElseThrow().state())
                .isEqualTo(EnvironmentSchedule.State.SUSPENDED);
    }

    @Test
    void aStoppedSchedulerStartsNothing() throws Exception {
        scheduler.stop();
        assertThat(tick()).isEmpty();
        assertThat(reconciler.runs(production())).isEmpty();
    }

    private ReconcileScheduler newScheduler() {
        return new ReconcileScheduler(reconciler, () -> Optional.ofNullable(desired.get()), controls, executor, clock,
                new RunDelays(INITIAL_BACKOFF, Duration.ofMinutes(5), () -> 0.5));
    }

    private List<String> tick() {
        return scheduler.tick();
    }

    private void awaitNotRunning(String environment) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAIT);
        while (scheduler.schedule(environment).orElseThrow().state() == EnvironmentSchedule.State.RUNNING) {
            assertThat(Instant.now()).as("%s still running", environment).isBefore(giveUp);
            Thread.sleep(10);
        }
    }

    private void idle() throws InterruptedException {
        assertThat(scheduler.awaitIdle(WAIT)).isTrue();
    }

    private String production() {
        return project + "/production";
    }

    private String staging() {
        return project + "/staging";
    }

    /** Both environments as declared at first, each with its own fingerprint, read at {@code provenance}. */
    private void declareFingerprints(String provenance, String productionFingerprint, String stagingFingerprint) {
        Map<String, DesiredEnvironment> environments = new LinkedHashMap<>();
        environments.put("production", environment("production", Policy.DEFAULT));
        environments.put("staging", environment("staging", Policy.DEFAULT));
        desired.set(new DesiredState(provenance, List.of(new DesiredProject(project, null, environments)),
                Map.of(production(), productionFingerprint, staging(), stagingFingerprint)));
    }

    private void declare(String revision, Policy production, Policy staging) {
        Map<String, DesiredEnvironment> environments = new LinkedHashMap<>();
        environments.put("production", environment("production", production));
        environments.put("staging", environment("staging", staging));
        // both environments change with every revision declared here, as if each file changed
        desired.set(new DesiredState(revision, List.of(new DesiredProject(project, null, environments)),
                Map.of(production(), revision, staging(), revision)));
    }

    private DesiredEnvironment environment(String name, Policy policy) {
        return new DesiredEnvironment(project, name, null, Map.of(), Map.of(), Map.of(), policy, null);
    }
}
