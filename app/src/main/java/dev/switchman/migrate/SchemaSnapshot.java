package dev.switchman.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * An application schema as the catalog describes it: its tables, columns with their types, indexes and
 * constraints, without owners, grants or object ids, so two databases built by the same migrations have
 * the same snapshot whoever owns them. Stored one object per line; {@link #fingerprint()} is the SHA-256
 * of those lines.
 */
public record SchemaSnapshot(List<SchemaObject> objects) {

    public SchemaSnapshot {
        objects = objects.stream().sorted(Comparator.comparing(SchemaObject::id)).toList();
    }

    /**
     * One object.
     *
     * @param kind {@code table}, {@code column}, {@code index} or {@code constraint}
     * @param name {@code schema.table}, {@code schema.table.column}, {@code schema.index}, {@code schema.table.constraint}
     * @param table the table it belongs to ({@code schema.table}; the table itself for a table)
     * @param definition what it is: a column's type, nullability and default, an index's method and keys, ...
     */
    public record SchemaObject(String kind, String name, String table, String definition) {

        /** {@code kind name}, e.g. {@code column public.orders.total}: unique within a snapshot. */
        public String id() {
            return kind + " " + name;
        }

        String line() {
            return String.join("\t", kind, name, table, definition);
        }

        static SchemaObject parse(String line) {
            String[] parts = line.split("\t", 4);
            return new SchemaObject(parts[0], parts[1], parts[2], parts[3]);
        }
    }

    /** The stored form: one object per line, sorted. */
    public String text() {
        StringBuilder text = new StringBuilder();
        objects.forEach(o -> text.append(o.line()).append('\n'));
        return text.toString();
    }

    public static SchemaSnapshot parse(String text) {
        List<SchemaObject> objects = new ArrayList<>();
        text.lines().filter(line -> !line.isBlank()).forEach(line -> objects.add(SchemaObject.parse(line)));
        return new SchemaSnapshot(objects);
    }

    /** {@code sha256:<hex>} of {@link #text()}. */
    public String fingerprint() {
        return fingerprint(text());
    }

    /** {@code sha256:<hex>} of {@code text}. */
    static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
