package dev.switchman.migrate;

import dev.switchman.migrate.SchemaSnapshot.SchemaObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link SchemaSnapshot} of the application schema from PostgreSQL's catalog: every table outside
 * the system schemas, except Flyway's history table and tables an extension owns. Definitions are built
 * from the catalog's own formatting functions and stripped of what differs between servers (owners, object
 * ids, the {@code CREATE INDEX name ON} preamble), so the snapshot is the same on every PostgreSQL version
 * that builds the same schema.
 */
final class SchemaCatalog {

    private static final String APPLICATION_TABLES = """
            c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
            and n.nspname not in ('pg_catalog', 'information_schema')
            and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'
            and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                            and d.deptype = 'e')""";

    private static final String TABLES = "select n.nspname, c.relname, c.relkind from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace where " + APPLICATION_TABLES;

    private static final String COLUMNS = """
            select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
            where a.attnum > 0 and not a.attisdropped and\s""" + APPLICATION_TABLES;

    // indexes that back a primary key, unique or exclusion constraint are that constraint
    private static final String INDEXES = """
            select n.nspname, i.relname, c.relname, pg_get_indexdef(x.indexrelid)
            from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
            join pg_namespace n on n.oid = c.relnamespace
            where not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x'))
            and\s""" + APPLICATION_TABLES;

    // NOT NULL constraints (PostgreSQL 18 catalogs them) are part of the column's definition
    private static final String CONSTRAINTS = """
            select n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid)
            from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where k.contype in ('p', 'u', 'f', 'c', 'x') and\s""" + APPLICATION_TABLES;

    private SchemaCatalog() {
    }

    /** @throws DatabaseUnreachable when the database cannot be reached or read */
    static SchemaSnapshot read(MigrationTarget target) {
        List<SchemaObject> objects = new ArrayList<>();
        try (Connection c = Connections.open(target); Statement s = c.createStatement()) {
            c.setReadOnly(true);
            rows(s, TABLES, r -> objects.add(new SchemaObject("table", name(r, 1, 2), name(r, 1, 2),
                    "p".equals(r.getString(3)) ? "partitioned table" : "table")));
            rows(s, COLUMNS, r -> objects.add(new SchemaObject("column", name(r, 1, 2) + "." + r.getString(3),
                    name(r, 1, 2), column(r))));
            rows(s, INDEXES, r -> objects.add(new SchemaObject("index", name(r, 1, 2), name(r, 1, 3),
                    index(r.getString(4)))));
            rows(s, CONSTRAINTS, r -> objects.add(new SchemaObject("constraint", name(r, 1, 2) + "." + r.getString(3),
                    name(r, 1, 2), normalized(r.getString(4)))));
        } catch (SQLException e) {
            throw new DatabaseUnreachable(target.redaction().apply(e.getMessage()));
        }
        return new SchemaSnapshot(objects);
    }

    private static String column(ResultSet r) throws SQLException {
        String type = r.getString(4);
        String expression = r.getString(6);
        String identity = r.getString(7);
        String generated = r.getString(8);
        StringBuilder definition = new StringBuilder(type);
        if (r.getBoolean(5)) {
            definition.append(" not null");
        }
        if (generated != null && !generated.isEmpty()) {
            definition.append(" generated always as (").append(normalized(expression)).append(") stored");
        } else if (expression != null) {
            definition.append(" default ").append(normalized(expression));
        }
        if (identity != null && !identity.isEmpty()) {
            definition.append(" identity ").append("a".equals(identity) ? "always" : "by default");
        }
        return definition.toString();
    }

    /** {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING btree (col)} -> {@code [unique ]btree (col)}. */
    private static String index(String definition) {
        String normalized = normalized(definition);
        int using = normalized.indexOf(" USING ");
        String method = using < 0 ? normalized : normalized.substring(using + " USING ".length());
        boolean unique = normalized.toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE INDEX");
        return (unique ? "unique " : "") + method;
    }

    private static String normalized(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String name(ResultSet r, int schema, int object) throws SQLException {
        return r.getString(schema) + "." + r.getString(object);
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static void rows(Statement s, String sql, Row row) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.read(r);
            }
        }
    }
}
