package dev.switchman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.Durations;
import dev.switchman.reconcile.ReconcileOutcome;
import dev.switchman.store.RolloutRow;
import dev.switchman.store.RolloutState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code apply --wait}: reconciles once, then again whenever the outcome says to look again, as the
 * daemon's loop would, until the rollout this apply started has a verdict; prints a line whenever a
 * service's deployment moves on. Verified means converged with that rollout {@code Succeeded} (or no
 * rollout needed); a failed, rolled-back or quarantined rollout, a stall or the timeout is not.
 */
final class RolloutFollower {

    /** Waits between two runs; the command sleeps, tests step a clock. */
    interface Pause {
        void after(Duration wait) throws InterruptedException;
    }

    /** How it ended: {@code verified} decides the exit code, {@code summary} is the last line printed. */
    record Verdict(boolean verified, String summary) {
    }

    /** A person at the terminal wants to see progress more often than the loop's requeue asks. */
    private static final Duration MOST_BETWEEN_RUNS = Duration.ofSeconds(5);

    private final Function<String, ReconcileOutcome> reconcile;
    private final Supplier<Optional<RolloutRow>> newestRollout;
    private final Pause pause;
    private final InstantSource clock;
    private final Consumer<String> progress;
    private final Map<String, String> said = new HashMap<>();

    /**
     * @param reconcile one run of the environment, given its trigger
     * @param newestRollout the environment's newest rollout row in the store
     */
    RolloutFollower(Function<String, ReconcileOutcome> reconcile, Supplier<Optional<RolloutRow>> newestRollout,
            Pause pause, InstantSource clock, Consumer<String> progress) {
        this.reconcile = reconcile;
        this.newestRollout = newestRollout;
        this.pause = pause;
        this.clock = clock;
        this.progress = progress;
    }

    Verdict apply(Duration timeout) throws InterruptedException {
        long before = newestRollout.get().map(RolloutRow::id).orElse(0L);
        Instant deadline = clock.instant().plus(timeout);
        ReconcileOutcome outcome = reconcile.apply("manual");
        while (outcome instanceof ReconcileOutcome.Progressing || outcome instanceof ReconcileOutcome.Retry) {
            report(outcome, ours(before));
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Verdict(false, "no verdict within " + Durations.format(timeout) + "; the rollout goes on."
                        + " Follow it with: switchman status --env NAME -w");
            }
            pause.after(min(min(wait(outcome), MOST_BETWEEN_RUNS), left));
            outcome = reconcile.apply("requeue");
        }
        Optional<RolloutRow> rollout = ours(before);
        report(outcome, rollout);
        return verdict(outcome, rollout);
    }

    private static Verdict verdict(ReconcileOutcome outcome, Optional<RolloutRow> rollout) {
        String state = rollout.map(RolloutRow::state).orElse(null);
        if (outcome instanceof ReconcileOutcome.Converged converged && (rollout.isEmpty() || rollout.get().is(RolloutState.SUCCEEDED))) {
            return new Verdict(true, rollout.isEmpty() ? "converged at " + converged.revision() + "; nothing was deployed"
                    : "rollout #" + rollout.get().id() + " verified; converged at " + converged.revision());
        }
        String why = switch (outcome) {
            case ReconcileOutcome.Stalled s -> s.reason() + ": " + s.message();
            case ReconcileOutcome.Converged c -> "converged, but rollout #" + rollout.get().id() + " ended " + state;
            default -> outcome.toString();
        };
        return new Verdict(false, (state == null ? "" : "rollout #" + rollout.get().id() + " " + state + "; ") + why);
    }

    /** The rollout this apply started: newer than the newest one before it. */
    private Optional<RolloutRow> ours(long before) {
        return newestRollout.get().filter(row -> row.id() > before);
    }

    private void report(ReconcileOutcome outcome, Optional<RolloutRow> rollout) {
        if (outcome instanceof ReconcileOutcome.Retry retry) {
            say("run", "waiting: " + retry.reason() + ": " + retry.message());
        }
        rollout.ifPresent(row -> {
            say("rollout", "rollout #" + row.id() + " of " + row.revision() + ": " + row.state()
                    + (row.reason() == null ? "" : " (" + row.reason() + ")"));
            for (JsonNode service : services(row)) {
                String name = service.path("service").asText("?");
                StringBuilder text = new StringBuilder("  ").append(name).append(": deployment ")
                        .append(service.path("deploymentId").asText("?"));
                for (String field : new String[] {"status", "stage", "reason", "rollbackDeploymentId", "rollbackStage"}) {
                    if (service.path(field).isTextual()) {
                        text.append(field.startsWith("rollbackD") ? ", rolled back to " : " ").append(service.path(field).asText());
                    }
                }
                say("service " + name, text.toString());
            }
        });
    }

    private void say(String about, String line) {
        if (!line.equals(said.put(about, line))) {
            progress.accept(line);
        }
    }

    private static Iterable<JsonNode> services(RolloutRow row) {
        try {
            return row.servicesJson() == null ? List.of() : Documents.JSON.readTree(row.servicesJson());
        } catch (JsonProcessingException unreadable) {
            return List.of();
        }
    }

    private static Duration wait(ReconcileOutcome outcome) {
        return switch (outcome) {
            case ReconcileOutcome.Progressing p -> p.requeueAfter();
            case ReconcileOutcome.Retry r -> r.notBefore() == null ? MOST_BETWEEN_RUNS : r.notBefore();
            default -> Duration.ZERO;
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
