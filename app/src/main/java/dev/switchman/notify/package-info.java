/**
 * Notifications about an environment: a {@link dev.switchman.notify.Notification} (rollout, drift or health
 * news about one environment and service) is handed to the {@link dev.switchman.notify.Notifier}, which
 * deduplicates it per (environment, service, topic) through {@link dev.switchman.notify.AlertLedger} (the
 * same state is sent once; "recovered"/"corrected" only closes an alert that was sent), renders it as the
 * generic JSON payload or a Slack message ({@link dev.switchman.notify.Payloads}), takes every secret value
 * of the environment out of it ({@link dev.switchman.redaction.Redactor}), and delivers it to the environment's targets on its own threads with
 * bounded, backed-off retries that honour {@code Retry-After} ({@link dev.switchman.notify.Delivery}).
 * Nothing here blocks or fails the caller.
 *
 * <p>May import desired, plan (the changes drift notices name), redaction, the store (alert states and the
 * delivery log), the JDK HTTP client, Jackson, Micrometer and JBoss logging; never the reconciler, Railway code
 * or CDI (the bean is produced in {@code reconcile}).
 */
package dev.switchman.notify;
