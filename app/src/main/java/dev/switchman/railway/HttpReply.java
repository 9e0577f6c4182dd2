package dev.switchman.railway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response as the transport received it, whatever its status.
 *
 * @param headers response headers; looked up without regard to case
 */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    public HttpReply {
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                caseless.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        });
        headers = caseless;
        body = body == null ? "" : body;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }
}
