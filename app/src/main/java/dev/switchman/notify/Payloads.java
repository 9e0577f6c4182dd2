package dev.switchman.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The two message formats. The generic webhook's JSON is a stable, versioned contract (documented in
 * docs/notifications.md); the Slack message is an incoming-webhook body with {@code text} (the fallback
 * shown in notifications) and {@code blocks}.
 */
final class Payloads {

    static final String SCHEMA = "switchman.dev/notification/v1";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Payloads() {
    }

    static ObjectNode webhook(Notification n) {
        ObjectNode body = JSON.objectNode().put("schema", SCHEMA).put("id", id(n))
                .put("kind", n.kind().eventName()).put("title", n.kind().title()).put("severity", n.kind().severity())
                .put("alert", alert(n.kind())).put("project", n.project()).put("environment", n.environmentName());
        if (n.service().isEmpty()) {
            body.putNull("service");
        } else {
            body.put("service", n.service());
        }
        body.put("stateKey", n.stateKey()).put("reason", n.reason()).put("occurredAt", n.occurredAt().toString());
        ObjectNode details = body.putObject("details");
        n.details().forEach(details::put);
        return body;
    }

    static ObjectNode slack(Notification n) {
        String headline = icon(n.kind()) + " *" + n.kind().title() + "*: " + subject(n);
        ObjectNode body = JSON.objectNode().put("text", headline + (n.reason().isEmpty() ? "" : " — " + n.reason()));
        ArrayNode blocks = body.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", headline + (n.reason().isEmpty() ? "" : "\n" + escape(n.reason())));
        if (!n.details().isEmpty()) {
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", n.details().entrySet().stream()
                            .map(e -> "*" + escape(e.getKey()) + "*: " + escape(e.getValue()))
                            .collect(Collectors.joining("  ·  ")));
        }
        return body;
    }

    /** The same id for every delivery (and retry) of one state, so receivers can drop repeats. */
    static String id(Notification n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", n.environment(),
                    n.service(), n.kind().name(), n.stateKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String alert(NotificationKind kind) {
        return switch (kind.effect()) {
            case OPENS -> "open";
            case CLOSES -> "closed";
            case NEWS -> "none";
        };
    }

    private static String subject(Notification n) {
        String what = switch (n.kind().topic()) {
            case BACKUP, MIGRATION -> " database `";
            default -> " service `";
        };
        return "`" + n.environment() + "`" + (n.service().isEmpty() ? "" : what + escape(n.service()) + "`");
    }

    private static String icon(NotificationKind kind) {
        return switch (kind.severity()) {
            case "critical" -> ":rotating_light:";
            case "resolved", "success" -> ":white_check_mark:";
            default -> ":arrows_counterclockwise:";
        };
    }

    /** Slack's mrkdwn needs only &, < and > escaped. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
