package dev.switchman.migrate;

import dev.switchman.config.DatabaseUrl;
import java.util.ArrayList;
import java.util.List;

/** Removes a database secret (the whole URL, its password) from text bound for logs and status. */
public final class Redaction {

    private static final String HIDDEN = "***";
    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Hides {@code rawUrl} and, when it parses, its password and JDBC form with credentials. */
    public static Redaction of(String rawUrl, DatabaseUrl parsed) {
        List<String> secrets = new ArrayList<>();
        secrets.add(rawUrl);
        if (parsed != null && parsed.password() != null && !parsed.password().isEmpty()) {
            secrets.add(parsed.password());
        }
        // longest first, so the URL is hidden whole rather than around its password
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redaction(List.copyOf(secrets));
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, HIDDEN);
            }
        }
        return result;
    }
}
