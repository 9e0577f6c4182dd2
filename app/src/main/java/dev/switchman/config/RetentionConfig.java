package dev.switchman.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long the state store keeps history ({@code switchman.retention.*}, part of {@link SwitchmanConfig}):
 * environment variables {@code SWITCHMAN_RETENTION_MAX_AGE}, {@code SWITCHMAN_RETENTION_MAX_RUNS}, ...
 */
public interface RetentionConfig {

    /** Whether old history (runs, events, rollouts, notification deliveries) is pruned at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the leader prunes. */
    @WithDefault("1h")
    Duration interval();

    /**
     * Runs, events, rollouts and notification deliveries older than this are deleted, except the rows that
     * the current status, a quarantine, a held service or a last-known-good deployment refer to.
     */
    @WithDefault("30d")
    Duration maxAge();

    /** Reconcile runs kept per environment, newest first (a no-op run every minute fills 1,000 in 17 hours). */
    @WithDefault("1000")
    int maxRuns();

    /** Events kept per environment, newest first. */
    @WithDefault("1000")
    int maxEvents();

    /** Rollouts kept per environment, newest first; the newest and any still in progress are always kept. */
    @WithDefault("100")
    int maxRollouts();

    /** Notification deliveries kept per environment, newest first. */
    @WithDefault("1000")
    int maxDeliveries();
}
