package dev.switchman.testing;

import dev.switchman.store.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A test class's databases on the JVM's {@link SharedPostgres}: a fresh migrated store before the
 * class's first test, and any application databases the class creates, all dropped after its last.
 * Tests name databases as they please ({@code shop}); the physical name is unique to the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestPostgres postgres = new TestPostgres();
 * }</pre>
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback {

    /** The name of the store database, as {@link EmbeddedPostgres} calls it. */
    public static final String STORE = EmbeddedPostgres.DATABASE;

    private final Map<String, String> physical = new LinkedHashMap<>();
    private SharedPostgres server;
    private int depth;

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A field in a base class is one instance for every subclass, and a nested class calls again: count. */
    synchronized void open() {
        if (depth++ == 0) {
            server = SharedPostgres.get();
            physical.put(STORE, server.createStore("store"));
        }
    }

    synchronized void close() {
        if (--depth == 0) {
            List<String> names = new ArrayList<>(physical.values());
            physical.clear();
            names.forEach(server::drop);
        }
    }

    /** The class's store, migrated; emptied by {@link #truncateStore()}. */
    public PGSimpleDataSource store() {
        return server().dataSource(physicalName(STORE));
    }

    /** Empties every table of the store but Flyway's history. */
    public void truncateStore() {
        StoreTables.truncateAll(store());
    }

    /** Creates an empty database the class will call {@code name}. */
    public synchronized void createDatabase(String name) {
        if (physical.containsKey(name)) {
            throw new IllegalStateException("database " + name + " was already created for this class");
        }
        physical.put(name, server().createEmpty(name));
    }

    /** JDBC URL of the store. */
    public String jdbcUrl() {
        return jdbcUrl(STORE);
    }

    public String jdbcUrl(String name) {
        return server().jdbcUrl(physicalName(name));
    }

    /** The URL of {@code name} in libpq form, as a database's {@code url} secret holds it. */
    public String databaseUrl(String name) {
        return server().databaseUrl(physicalName(name));
    }

    /** A URL of this server naming a database that does not exist. */
    public String absentDatabaseUrl() {
        return server().databaseUrl("no_such_database");
    }

    public String username() {
        return server().username();
    }

    /** What the server calls {@code name}. */
    public synchronized String physicalName(String name) {
        String database = physical.get(name);
        if (database == null) {
            throw new IllegalArgumentException("no database " + name + " was created for this class; have " + physical
                    .keySet());
        }
        return database;
    }

    private synchronized SharedPostgres server() {
        if (server == null) {
            throw new IllegalStateException("TestPostgres is used before its class started: register it with"
                    + " @RegisterExtension on a static field");
        }
        return server;
    }
}
