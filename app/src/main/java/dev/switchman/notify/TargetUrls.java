package dev.switchman.notify;

import dev.switchman.desired.NotificationTarget;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.VariableValue;
import java.net.URI;
import java.util.Optional;

/** Where a target's messages go: its literal URL or the value of its secret, if that is an http(s) URL. */
final class TargetUrls {

    private TargetUrls() {
    }

    static Optional<URI> resolve(NotificationTarget target, Secrets secrets) {
        VariableValue value = switch (target) {
            case NotificationTarget.Webhook webhook -> webhook.url();
            case NotificationTarget.Slack slack -> slack.webhookUrl();
        };
        Optional<String> text = switch (value) {
            case VariableValue.Literal literal -> Optional.of(literal.value());
            case VariableValue.SecretRef ref -> secrets.lookup(ref.name());
        };
        return text.map(String::trim).filter(t -> t.startsWith("http://") || t.startsWith("https://"))
                .flatMap(t -> {
                    try {
                        return Optional.of(URI.create(t));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }
}
