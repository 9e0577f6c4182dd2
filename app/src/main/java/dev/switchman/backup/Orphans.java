package dev.switchman.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Files in a destination that no backup owns, as a pure function: named like a backup of the database
 * ({@code <db>-<yyyyMMddTHHmmssZ>-<reason>-<hex>.dump|.json}), older than the newest catalog row of that
 * destination (so a backup being written right now by another process is never one), and either of a copy the
 * catalog holds as failed, abandoned or deleted there, or half of a backup the catalog does not know (a dump
 * without its manifest, or the reverse). What retention deleted from the catalog but could not delete from the
 * destination, a failed copy's files and what a crash left behind end up here. A complete dump with its
 * manifest that the catalog does not know (a {@code backup now} run without the state store) is kept.
 */
final class Orphans {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Orphans() {
    }

    /** The keys to delete from a destination holding {@code keys}, given that destination's catalog rows. */
    static List<String> select(String database, List<String> keys, List<CatalogEntry> entries) {
        Optional<Instant> newest = entries.stream().map(CatalogEntry::startedAt).max(Instant::compareTo);
        if (newest.isEmpty()) {
            return List.of();
        }
        Set<String> owned = entries.stream()
                .filter(e -> e.good() || CatalogEntry.RUNNING.equals(e.status()))
                .map(CatalogEntry::name).collect(Collectors.toSet());
        Set<String> known = entries.stream().map(CatalogEntry::name).collect(Collectors.toSet());
        Set<String> present = Set.copyOf(keys);
        Pattern naming = Pattern.compile(Pattern.quote(database)
                + "-(\\d{8}T\\d{6}Z)-(scheduled|pre-migration|manual)-[0-9a-f]{4}\\.(dump|json)");
        return keys.stream().filter(key -> {
            Matcher m = naming.matcher(key);
            if (!m.matches() || !stamp(m.group(1)).map(at -> at.isBefore(newest.get())).orElse(false)) {
                return false;
            }
            String name = key.substring(0, key.lastIndexOf('.'));
            boolean complete = present.contains(name + ".dump") && present.contains(name + ".json");
            return !owned.contains(name) && (known.contains(name) || !complete);
        }).toList();
    }

    private static Optional<Instant> stamp(String text) {
        try {
            return Optional.of(STAMP.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
