package dev.switchman.backup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deep verification of a dump beyond its SHA-256: the archive's table of contents, as {@code pg_restore
 * --list} prints it, must hold every table the manifest recorded (and every table a drill check names),
 * each with its data. A checksum only proves the file is the one written; this proves what was written is a
 * readable archive of the database.
 */
final class ArchiveCheck {

    // e.g. "215; 1259 16386 TABLE public orders postgres" and "3345; 0 16386 TABLE DATA public orders postgres"
    private static final Pattern ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ (TABLE DATA|TABLE) (\\S+) (\\S+) ",
            Pattern.MULTILINE);

    private ArchiveCheck() {
    }

    /** What is wrong with {@code listing} for a dump that must hold {@code expected} tables; empty when nothing. */
    static List<String> problems(String listing, List<String> expected) {
        Set<String> tables = new HashSet<>();
        Set<String> withData = new HashSet<>();
        Matcher entry = ENTRY.matcher(listing);
        while (entry.find()) {
            (entry.group(1).equals("TABLE") ? tables : withData).add(entry.group(2) + "." + entry.group(3));
        }
        List<String> problems = new ArrayList<>();
        for (String qualified : new LinkedHashSet<>(expected.stream()
                .map(table -> table.contains(".") ? table : "public." + table).toList())) {
            if (!tables.contains(qualified)) {
                problems.add("the archive has no table " + qualified);
            } else if (!withData.contains(qualified)) {
                problems.add("the archive has no data for table " + qualified);
            }
        }
        return problems;
    }
}
