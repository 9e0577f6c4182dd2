package dev.switchman.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.reconcile.DesiredStateHolder;

/** Alive while the desired-state poll keeps completing: down after three missed intervals (wedged). */
@Liveness
@ApplicationScoped
public class LoopHealthCheck implements HealthCheck {

    private static final int MISSED_INTERVALS = 3;

    private final DesiredStateHolder holder;
    private final Duration interval;
    private final Instant startedAt = Instant.now();

    public LoopHealthCheck(DesiredStateHolder holder, SwitchmanConfig config) {
        this.holder = holder;
        this.interval = config.desired().pollInterval();
    }

    @Override
    public HealthCheckResponse call() {
        Instant lastPoll = holder.lastPollCompletedAt();
        Instant since = lastPoll != null ? lastPoll : startedAt;
        Duration quiet = Duration.between(since, Instant.now());
        return HealthCheckResponse.named("loop")
                .status(quiet.compareTo(interval.multipliedBy(MISSED_INTERVALS)) <= 0)
                .withData("lastPoll", lastPoll == null ? "never" : lastPoll.toString())
                .withData("pollInterval", interval.toString())
                .build();
    }
}
