package dev.switchman.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements PostgreSQL refuses to run inside a transaction block (or that a rolled-back
 * transaction cannot meaningfully try), by a plain scan of the script with comments and quoted
 * text removed. A dry run cannot cover a script that has one: see {@link DryRun}.
 *
 * <ul>
 *   <li>{@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY},
 *       {@code DETACH PARTITION ... CONCURRENTLY}</li>
 *   <li>{@code VACUUM}, {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE}, {@code ALTER SYSTEM}</li>
 *   <li>{@code ALTER TYPE ... ADD VALUE}: refused in a transaction before PostgreSQL 12; from 12 on it runs
 *       but the new value cannot be used in the same transaction, so a dry run of later scripts would fail falsely</li>
 * </ul>
 */
public final class NonTransactionalStatements {

    private static final List<Pattern> PATTERNS = List.of(
            pattern("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"),
            pattern("DROP\\s+INDEX\\s+CONCURRENTLY"),
            pattern("REINDEX\\b[^;]*\\bCONCURRENTLY"),
            pattern("DETACH\\s+PARTITION\\b[^;]*\\bCONCURRENTLY"),
            pattern("VACUUM"),
            pattern("(CREATE|DROP)\\s+DATABASE"),
            pattern("(CREATE|DROP)\\s+TABLESPACE"),
            pattern("ALTER\\s+SYSTEM"),
            pattern("ALTER\\s+TYPE\\b[^;]*\\bADD\\s+VALUE"));

    private static final Pattern COMMENTS_AND_LITERALS =
            Pattern.compile("--[^\\n]*|/\\*.*?\\*/|'(?:[^']|'')*'|\\$([A-Za-z_]*)\\$.*?\\$\\1\\$", Pattern.DOTALL);

    private NonTransactionalStatements() {
    }

    /** The offending statements' openings (upper-cased, whitespace collapsed), empty when the script can run in a transaction. */
    public static List<String> in(String sql) {
        String code = COMMENTS_AND_LITERALS.matcher(sql).replaceAll(" ");
        List<String> found = new ArrayList<>();
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(code);
            while (matcher.find()) {
                found.add(matcher.group().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
            }
        }
        return found;
    }

    private static Pattern pattern(String regex) {
        return Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE);
    }
}
