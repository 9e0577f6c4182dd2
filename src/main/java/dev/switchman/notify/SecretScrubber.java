package dev.switchman.notify;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateValidator;
import dev.switchman.desired.SecretUse;
import dev.switchman.desired.Secrets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes every secret value the environment references out of a notification before it is rendered: the
 * callers already send only names and field paths, and this makes sure a value that slips into a reason
 * (an error message quoting a URL, say) still never leaves the daemon.
 */
final class SecretScrubber {

    static final String REDACTED = "(redacted)";
    /** Shorter values would blank out ordinary words; such secrets are not worth the name anyway. */
    private static final int SHORTEST_SCRUBBED = 4;

    private final List<String> values;

    private SecretScrubber(List<String> values) {
        this.values = values;
    }

    static SecretScrubber of(DesiredEnvironment environment, Secrets secrets) {
        return new SecretScrubber(DesiredStateValidator.secretUses(environment).stream().map(SecretUse::secret)
                .distinct().map(secrets::lookup).flatMap(java.util.Optional::stream).filter(Objects::nonNull)
                .filter(value -> value.length() >= SHORTEST_SCRUBBED)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    Notification scrub(Notification n) {
        Map<String, String> details = new LinkedHashMap<>();
        n.details().forEach((key, value) -> details.put(key, text(value)));
        return new Notification(n.environment(), n.service(), n.kind(), text(n.stateKey()), text(n.reason()),
                details, n.occurredAt());
    }

    String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String value : values) {
            out = out.replace(value, REDACTED);
        }
        return out;
    }
}
