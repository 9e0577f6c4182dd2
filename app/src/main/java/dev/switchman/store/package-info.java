/**
 * Switchman's own state in PostgreSQL: reconcile runs, events, the inventory of what Switchman
 * created, last-applied snapshots, desired-state loads, each environment's status (conditions), and the
 * notification states sent and delivery log ({@link dev.switchman.store.NotificationRepository}).
 * Plain JDBC over the Agroal {@code DataSource}; the schema lives in {@code resources/db/migration} (Flyway).
 *
 * <p>Also {@link dev.switchman.store.EmbeddedPostgres}, a throw-away server for tests and for
 * {@code switchman serve} without a {@code DATABASE_URL}.
 *
 * <p>May import JDBC, jakarta CDI, Jackson (for jsonb columns) and config; no other Switchman package, so every
 * package that keeps state may use it. Also {@link dev.switchman.store.LeaderLock}: one replica acts at a time.
 */
package dev.switchman.store;
