package dev.switchman.redaction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text, in two forms:
 *
 * <ul>
 *   <li><b>credentials in URLs</b>, whatever their length and whether or not they are known:
 *       {@code scheme://user:pass@host} becomes {@code scheme://***@host}, {@code password=...} in a
 *       query or connection string becomes {@code password=***};
 *   <li><b>known values</b>, each where it stands as a whole value: never inside a longer word, so
 *       a password {@code p} cannot turn {@code port} into {@code ***ort}. Values shorter than
 *       {@value #MIN_LENGTH} characters are not searched for at all (they would match ordinary
 *       text); values of {@value #ANYWHERE_LENGTH} characters or more are hidden wherever they appear,
 *       since no ordinary word contains one. A known value that is a URL with a password also
 *       hides that password on its own.
 * </ul>
 */
public final class Redactor implements UnaryOperator<String> {

    /** What stands where a secret was. */
    public static final String HIDDEN = "***";
    /** Shorter values are only hidden inside URLs. */
    public static final int MIN_LENGTH = 4;
    /** Values this long are hidden even inside a longer word. */
    static final int ANYWHERE_LENGTH = 16;

    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)\\b(password=)[^&;\\s]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]*:([^/@\\s]+)@");
    private static final Redactor URLS_ONLY = new Redactor(List.of());

    private final List<Pattern> values;

    private Redactor(List<Pattern> values) {
        this.values = values;
    }

    /** Hides credentials in URLs only: for text where no secret value is known. */
    public static Redactor urlCredentials() {
        return URLS_ONLY;
    }

    /** Hides {@code secrets} (nulls and blanks ignored) and credentials in URLs. */
    public static Redactor of(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        secrets.stream().filter(Objects::nonNull).forEach(secret -> {
            all.add(secret);
            passwordIn(secret).ifPresent(password -> {
                all.add(password);
                all.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
            });
        });
        return new Redactor(all.stream().filter(secret -> secret.strip().length() >= MIN_LENGTH)
                // longest first, so a URL is hidden whole rather than around its password
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Redactor::pattern).toList());
    }

    /** {@link #of(Collection)} for a few values. */
    public static Redactor of(String... secrets) {
        return of(Arrays.asList(secrets));
    }

    /** {@code text} with every secret this redactor knows and every URL credential hidden; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern value : values) {
            out = value.matcher(out).replaceAll(Matcher.quoteReplacement(HIDDEN));
        }
        out = URL_USER_INFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        return PASSWORD_PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN));
    }

    /** The same as {@link #redact(String)}. */
    @Override
    public String apply(String text) {
        return redact(text);
    }

    private static Pattern pattern(String secret) {
        String quoted = Pattern.quote(secret);
        if (secret.length() >= ANYWHERE_LENGTH) {
            return Pattern.compile(quoted);
        }
        // A word character at an edge of the value must not continue a longer word around it.
        String before = isWord(secret.charAt(0)) ? "(?<![\\p{L}\\p{N}_])" : "";
        String after = isWord(secret.charAt(secret.length() - 1)) ? "(?![\\p{L}\\p{N}_])" : "";
        return Pattern.compile(before + quoted + after);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static Optional<String> passwordIn(String secret) {
        Matcher url = URL_PASSWORD.matcher(secret);
        return url.find() ? Optional.of(url.group(1)) : Optional.empty();
    }
}
