package dev.switchman.migrate;

import dev.switchman.migrate.SchemaSnapshot.SchemaObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a live schema with the one recorded after the last migration, leaving out the objects the
 * database's {@code migrations.schemaDrift.ignore} patterns name: {@code *} matches any run of characters,
 * and a pattern that matches a table covers its columns, indexes and constraints too.
 */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    /** The differences, ordered by object; empty when the schemas agree. */
    public static List<SchemaDifference> compare(SchemaSnapshot expected, SchemaSnapshot actual, List<String> ignore) {
        List<Pattern> ignored = ignore.stream().map(SchemaComparison::glob).toList();
        Map<String, SchemaObject> before = byId(expected, ignored);
        Map<String, SchemaObject> now = byId(actual, ignored);
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(now.keySet());
        List<SchemaDifference> differences = new ArrayList<>();
        for (String id : ids) {
            SchemaObject was = before.get(id);
            SchemaObject is = now.get(id);
            if (is == null) {
                differences.add(new SchemaDifference(SchemaDifference.Kind.MISSING, id, was.definition(), null));
            } else if (was == null) {
                differences.add(new SchemaDifference(SchemaDifference.Kind.EXTRA, id, null, is.definition()));
            } else if (!Objects.equals(was.definition(), is.definition())) {
                differences.add(new SchemaDifference(SchemaDifference.Kind.CHANGED, id, was.definition(),
                        is.definition()));
            }
        }
        return differences;
    }

    private static Map<String, SchemaObject> byId(SchemaSnapshot snapshot, List<Pattern> ignored) {
        Map<String, SchemaObject> objects = new LinkedHashMap<>();
        for (SchemaObject o : snapshot.objects()) {
            boolean skip = ignored.stream().anyMatch(p -> p.matcher(o.name()).matches() || p.matcher(o.table()).matches());
            if (!skip) {
                objects.put(o.id(), o);
            }
        }
        return objects;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
