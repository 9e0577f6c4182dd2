package dev.switchman.desired;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds an environment's validated {@code notifications} list to {@link NotificationTarget}s. */
final class NotificationBinder {

    private NotificationBinder() {
    }

    static List<NotificationTarget> bind(MapNode spec) {
        List<NotificationTarget> targets = new ArrayList<>();
        for (YamlNode item : Fields.items(spec, "notifications")) {
            if (item instanceof MapNode target) {
                target(target).ifPresent(targets::add);
            }
        }
        return targets;
    }

    private static Optional<NotificationTarget> target(MapNode target) {
        List<String> events = Optional.ofNullable(Fields.strings(target, "events")).orElse(List.of());
        MapNode webhook = Fields.map(target, "webhook");
        if (webhook != null) {
            return webhook.get("url").flatMap(Fields::variableValue)
                    .map(url -> new NotificationTarget.Webhook(url, events));
        }
        MapNode slack = Fields.map(target, "slack");
        VariableValue.SecretRef url = slack == null ? null : Fields.secretRef(Fields.map(slack, "webhookUrl"));
        return Optional.ofNullable(url).map(ref -> new NotificationTarget.Slack(ref, events));
    }
}
