package dev.switchman.testing;

import dev.switchman.store.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL server of a test JVM: started by the first test that needs it, stopped when the
 * JVM exits, with a migrated store database to copy ({@code CREATE DATABASE ... TEMPLATE} takes a
 * fraction of a second where a server takes seconds to initialise).
 *
 * <p>The server is found through system properties, not a static field: the Quarkus test resources
 * and profiles load this class in another class loader than the plain tests, and both must reach the
 * same server.
 */
public final class SharedPostgres {

    /** Not under {@code switchman.}: Quarkus rejects system properties there that its configuration does not know. */
    private static final String PORT = "test-shared-postgres-port";
    private static final String CREATED = "test-shared-postgres-databases";
    private static final String TEMPLATE = "store_template";

    /** Held only so the server outlives this call; its shutdown hook stops it with the JVM. */
    @SuppressWarnings("unused")
    private static EmbeddedPostgres started;

    private final int port;

    private SharedPostgres(int port) {
        this.port = port;
    }

    /** The server of this JVM, started and its template migrated on first call. */
    public static SharedPostgres get() {
        // the properties object is one per JVM, whichever class loader asks
        synchronized (System.getProperties()) {
            String port = System.getProperty(PORT);
            if (port == null) {
                EmbeddedPostgres server = EmbeddedPostgres.start();
                server.createDatabase(TEMPLATE);
                Flyway.configure().dataSource(server.jdbcUrl(TEMPLATE), server.username(), server.password())
                        .locations("classpath:db/migration").load().migrate();
                started = server;
                port = Integer.toString(server.port());
                System.setProperty(PORT, port);
            }
            return new SharedPostgres(Integer.parseInt(port));
        }
    }

    /** A new database holding Switchman's migrated, empty store; its name starts with {@code hint}. */
    public String createStore(String hint) {
        String name = uniqueName(hint);
        admin("create database " + name + " template " + TEMPLATE);
        return name;
    }

    /** A new empty database; its name starts with {@code hint}. */
    public String createEmpty(String hint) {
        String name = uniqueName(hint);
        admin("create database " + name);
        return name;
    }

    /** Drops {@code name}, ending whatever connections are left to it. */
    public void drop(String name) {
        admin("drop database if exists " + name + " with (force)");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The URL in libpq form, as Railway injects {@code DATABASE_URL} and a database's {@code url} secret holds it. */
    public String databaseUrl(String database) {
        return "postgresql://" + username() + "@127.0.0.1:" + port + "/" + database;
    }

    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(username());
        return dataSource;
    }

    /** The superuser; the server trusts loopback connections, so there is no password. */
    public String username() {
        return EmbeddedPostgres.DATABASE;
    }

    public int port() {
        return port;
    }

    private static String uniqueName(String hint) {
        if (!hint.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + hint);
        }
        synchronized (System.getProperties()) {
            int next = Integer.getInteger(CREATED, 0) + 1;
            System.setProperty(CREATED, Integer.toString(next));
            return hint + "_" + next;
        }
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(EmbeddedPostgres.DATABASE), username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
