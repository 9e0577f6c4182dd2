package dev.switchman.desired;

import static dev.switchman.desired.CommonShapes.SECRET_REF;
import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.list;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.oneOf;
import static dev.switchman.desired.shape.Shapes.oneOfValues;
import static dev.switchman.desired.shape.Shapes.pattern;

import dev.switchman.desired.shape.Shape;
import java.util.Set;

/** The shape of an environment's notification targets. */
final class NotificationShapes {

    private static final Shape WEBHOOK = object("a generic JSON webhook", Set.of("url"),
            field("url", oneOf("an http(s) URL or { secretRef: NAME }",
                    pattern("an http(s) URL", "https?://\\S+", "start it with http:// or https://"), SECRET_REF),
                    "where the JSON payload is POSTed; a secret when the URL holds a token"));

    private static final Shape SLACK = object("a Slack incoming webhook", Set.of("webhookUrl"),
            field("webhookUrl", SECRET_REF, "the incoming webhook's URL; always a secret"));

    private static final Shape TARGET = named("notificationTarget", object("a notification target",
            field("webhook", WEBHOOK, "a generic JSON webhook"),
            field("slack", SLACK, "a Slack-compatible incoming webhook"),
            field("events", list(oneOfValues(NotificationTarget.EVENTS.toArray(String[]::new))),
                    "only these events (default: all)"))
            .exactlyOne("webhook", "slack"));

    static final Shape NOTIFICATIONS = list(TARGET);

    private NotificationShapes() {
    }
}
