package dev.switchman.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The store's tables as its schema lists them, so a table a migration adds is emptied between tests too. */
public final class StoreTables {

    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private StoreTables() {
    }

    /** The tables of the store's schema, Flyway's history left out. */
    public static List<String> list(DataSource store) {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tablename from pg_tables"
                        + " where schemaname = current_schema() order by tablename")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                String table = rows.getString(1);
                if (!table.equals(FLYWAY_HISTORY)) {
                    tables.add(table);
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every table of the store but Flyway's history, in one statement. */
    public static void truncateAll(DataSource store) {
        List<String> tables = list(store);
        if (tables.isEmpty()) {
            throw new IllegalStateException("the store has no tables: is it migrated?");
        }
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate " + String.join(", ", tables));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
