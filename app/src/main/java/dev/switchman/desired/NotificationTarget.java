package dev.switchman.desired;

import java.util.List;

/**
 * Where an environment's notifications go: a generic JSON webhook or a Slack incoming webhook. The
 * URL of a Slack webhook is itself a credential, so it is always a secret reference; a generic
 * webhook may name its URL literally or through a secret.
 */
public sealed interface NotificationTarget {

    /** Every event name a target may filter on, as written in the YAML. */
    List<String> EVENTS = List.of("rolloutStarted", "rolloutSucceeded", "rolloutFailed", "rolledBack",
            "quarantined", "driftDetected", "driftCorrected", "serviceDegraded", "serviceRecovered", "backupFailed",
            "backupDrillFailed", "backupRecovered", "migrationFailed", "schemaDrift", "schemaDriftResolved");

    /** The event names this target receives; empty means all of them. */
    List<String> events();

    /** Whether this target wants {@code event} (one of {@link #EVENTS}). */
    default boolean accepts(String event) {
        return events().isEmpty() || events().contains(event);
    }

    /** {@code webhook}, {@code slack}: the metric tag and the name in the delivery log. */
    String type();

    /** A generic webhook: the stable JSON payload is POSTed to {@code url} (a literal or a secret). */
    record Webhook(VariableValue url, List<String> events) implements NotificationTarget {

        public Webhook {
            events = events == null ? List.of() : List.copyOf(events);
        }

        @Override
        public String type() {
            return "webhook";
        }
    }

    /** A Slack-compatible incoming webhook, whose URL is read from a secret. */
    record Slack(VariableValue.SecretRef webhookUrl, List<String> events) implements NotificationTarget {

        public Slack {
            events = events == null ? List.of() : List.copyOf(events);
        }

        @Override
        public String type() {
            return "slack";
        }
    }
}
