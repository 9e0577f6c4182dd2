package dev.switchman.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a backup's manifest records about the database it dumps: the server's version, and the tables a dump
 * of it must hold ({@code schema.table}; system schemas and tables an extension creates left out), which a
 * deep verification later looks for in the archive.
 */
record SourceFacts(String serverVersion, List<String> tables) {

    private static final String TABLES = """
            select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
            and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp\\_%'
            and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                            and d.deptype = 'e')
            order by 1""";

    static SourceFacts of(DatabaseTarget source) {
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            String version;
            try (ResultSet r = s.executeQuery("show server_version")) {
                version = r.next() ? r.getString(1) : "unknown";
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery(TABLES)) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            return new SourceFacts(version, List.copyOf(tables));
        } catch (SQLException e) {
            throw new BackupException("cannot connect to " + source.database() + ": " + e.getMessage(), e);
        }
    }
}
