package dev.switchman.web;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.reconcile.LoopHealth;
import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.source.DesiredStateHolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the loop is wedged: the desired-state poll missed three intervals, the reconcile
 * scheduler stopped ticking, or a run outlived {@code switchman.reconcile.run-timeout}. A standby
 * replica is alive (it ticks to try the leader lock).
 */
@Liveness
@ApplicationScoped
public class LoopHealthCheck implements HealthCheck {

    private static final int MISSED_INTERVALS = 3;

    private final DesiredStateHolder holder;
    private final ReconcileLoop loop;
    private final Duration interval;
    private final Instant startedAt = Instant.now();

    public LoopHealthCheck(DesiredStateHolder holder, ReconcileLoop loop, SwitchmanConfig config) {
        this.holder = holder;
        this.loop = loop;
        this.interval = config.desired().pollInterval();
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        Instant lastPoll = holder.lastPollCompletedAt();
        Instant since = lastPoll != null ? lastPoll : startedAt;
        boolean polling = Duration.between(since, now).compareTo(interval.multipliedBy(MISSED_INTERVALS)) <= 0;
        LoopHealth health = loop.health();
        boolean wedged = health.wedged(now, startedAt);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("loop")
                .status(polling && !wedged)
                .withData("lastPoll", lastPoll == null ? "never" : lastPoll.toString())
                .withData("pollInterval", interval.toString())
                .withData("reconcile", health.enabled() ? "enabled" : "disabled")
                .withData("leader", health.leader())
                .withData("lastTick", health.lastTickAt() == null ? "never" : health.lastTickAt().toString());
        if (health.oldestRunStartedAt() != null) {
            response.withData("oldestRunStartedAt", health.oldestRunStartedAt().toString());
        }
        if (health.budgetWarning() != null) {
            response.withData("budget", health.budgetWarning());
        }
        return response.build();
    }
}
