package dev.switchman.source;

import java.util.Optional;
import java.util.regex.Pattern;

/** Keeps credentials out of text that is logged or shown: user info in URLs and the token itself. */
final class CredentialRedactor {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final String HIDDEN = "***";

    private final Optional<String> token;

    CredentialRedactor(Optional<String> token) {
        this.token = token;
    }

    /** {@code https://user:secret@host/repo} becomes {@code https://***@host/repo}. */
    static String redactUrl(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1" + HIDDEN + "@");
    }

    /** Redacts URLs and every occurrence of the token, whatever surrounds it. */
    String redact(String text) {
        String redacted = redactUrl(text);
        if (redacted != null && token.isPresent()) {
            redacted = redacted.replace(token.get(), HIDDEN);
        }
        return redacted;
    }
}
