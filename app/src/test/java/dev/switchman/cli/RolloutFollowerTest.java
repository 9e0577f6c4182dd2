package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.reconcile.ReconcileOutcome;
import dev.switchman.store.RolloutRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code apply --wait}'s verdicts on a scripted environment: each run returns the next outcome and leaves
 * the rollout row as the store then has it; the clock moves only when the follower pauses, so nothing
 * here sleeps. ApplyWaitIT runs the real thing against the sandbox.
 */
class RolloutFollowerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String WEB = "[{\"service\":\"web\",\"deploymentId\":\"d-9\",\"status\":\"%s\",\"stage\":\"%s\"%s}]";

    /** One run: what it returns, and the environment's newest rollout row after it. */
    private record Step(ReconcileOutcome outcome, RolloutRow rolloutAfter) {
    }

    private final List<String> lines = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    private RolloutFollower.Verdict follow(Duration timeout, Step... steps) throws InterruptedException {
        Iterator<Step> script = List.of(steps).iterator();
        AtomicReference<RolloutRow> newest = new AtomicReference<>(row(4, "Succeeded", "[]"));
        return new RolloutFollower(trigger -> {
            triggers.add(trigger);
            Step step = script.next();
            newest.set(step.rolloutAfter());
            return step.outcome();
        }, () -> Optional.of(newest.get()), wait -> now.set(now.get().plus(wait)), now::get, lines::add).apply(timeout);
    }

    private static RolloutRow row(long id, String state, String services) {
        return new RolloutRow(id, "shop", "production", "r2", state, null, null, services, T0, T0, null, null);
    }

    private static RolloutRow web(String state, String status, String stage, String more) {
        return row(5, state, WEB.formatted(status, stage, more));
    }

    private static final ReconcileOutcome PROGRESSING = new ReconcileOutcome.Progressing("r2", Duration.ofSeconds(15),
            "RolloutInProgress");

    @Test
    void aVerifiedRolloutExitsVerifiedAfterPrintingEachStepOnce() throws InterruptedException {
        RolloutFollower.Verdict verdict = follow(Duration.ofMinutes(5),
                new Step(PROGRESSING, web("InProgress", "DEPLOYING", "DEPLOYING", "")),
                new Step(PROGRESSING, web("InProgress", "SUCCESS", "VERIFYING", "")),
                new Step(PROGRESSING, web("InProgress", "SUCCESS", "VERIFYING", "")),
                new Step(new ReconcileOutcome.Converged("r2", 0, 0), web("Succeeded", "SUCCESS", "VERIFIED", "")));

        assertThat(verdict).isEqualTo(new RolloutFollower.Verdict(true, "rollout #5 verified; converged at r2"));
        assertThat(lines).containsExactly("rollout #5 of r2: InProgress", "  web: deployment d-9 DEPLOYING DEPLOYING",
                "  web: deployment d-9 SUCCESS VERIFYING", "rollout #5 of r2: Succeeded",
                "  web: deployment d-9 SUCCESS VERIFIED");
        assertThat(triggers).containsExactly("manual", "requeue", "requeue", "requeue");
        assertThat(now.get()).as("a person sees progress at least every 5 s").isEqualTo(T0.plusSeconds(15));
    }

    @Test
    void aRolledBackRolloutIsNotVerifiedAndSaysWhy() throws InterruptedException {
        RolloutFollower.Verdict verdict = follow(Duration.ofMinutes(5),
                new Step(PROGRESSING, web("InProgress", "SUCCESS", "VERIFYING", "")),
                new Step(new ReconcileOutcome.Stalled("RevisionQuarantined", "web failed its checks"),
                        web("RolledBack", "SUCCESS", "FAILED", ",\"rollbackDeploymentId\":\"d-1\",\"rollbackStage\":\"VERIFIED\"")));

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).isEqualTo("rollout #5 RolledBack; RevisionQuarantined: web failed its checks");
        assertThat(lines).contains("  web: deployment d-9 SUCCESS FAILED, rolled back to d-1 VERIFIED");
    }

    @Test
    void aRunThatDeploysNothingIsVerifiedWithoutTakingAnOlderRolloutForItsOwn() throws InterruptedException {
        RolloutFollower.Verdict verdict = follow(Duration.ofMinutes(5),
                new Step(new ReconcileOutcome.Converged("r2", 1, 0), row(4, "Failed", "[]")));

        assertThat(verdict).isEqualTo(new RolloutFollower.Verdict(true, "converged at r2; nothing was deployed"));
        assertThat(lines).isEmpty();
    }

    @Test
    void noVerdictWithinTheTimeoutIsNotVerified() throws InterruptedException {
        Step deploying = new Step(PROGRESSING, web("InProgress", "DEPLOYING", "DEPLOYING", ""));

        RolloutFollower.Verdict verdict = follow(Duration.ofSeconds(12), deploying, deploying, deploying, deploying);

        assertThat(verdict.verified()).isFalse();
        assertThat(verdict.summary()).startsWith("no verdict within 12s; the rollout goes on.");
        assertThat(now.get()).isEqualTo(T0.plusSeconds(12));
    }

    @Test
    void aTransientFailureIsWaitedOutAndSaidOnce() throws InterruptedException {
        ReconcileOutcome unavailable = new ReconcileOutcome.Retry("RailwayUnavailable", "no response", Duration.ofSeconds(30));

        RolloutFollower.Verdict verdict = follow(Duration.ofMinutes(5), new Step(unavailable, row(4, "Succeeded", "[]")),
                new Step(unavailable, row(4, "Succeeded", "[]")),
                new Step(new ReconcileOutcome.Converged("r2", 0, 0), row(4, "Succeeded", "[]")));

        assertThat(verdict.verified()).isTrue();
        assertThat(lines).containsExactly("waiting: RailwayUnavailable: no response");
    }
}
