/**
 * Keeps the state store's size flat over months: {@link dev.switchman.retention.RetentionJob} has the leading
 * replica prune runs, events, rollouts and notification deliveries by age and count
 * ({@code switchman.retention.*}) through {@link dev.switchman.store.StateRetention}, which never deletes what the
 * current status, a quarantine, a held service or a last-known-good deployment refers to.
 *
 * <p>May import the config and store packages (the leader lock among them), jakarta CDI, the Quarkus
 * scheduler and JBoss logging.
 */
package dev.switchman.retention;
