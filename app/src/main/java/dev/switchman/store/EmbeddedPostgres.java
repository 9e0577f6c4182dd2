package dev.switchman.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * A throw-away PostgreSQL server in a temporary directory, listening on a free loopback port:
 * the state store for tests, and for {@code switchman serve} when no {@code DATABASE_URL} is set.
 * Its data is deleted on {@link #close()}. Needs the PostgreSQL server programs on this machine.
 *
 * <pre>{@code
 * try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
 *     connect(postgres.jdbcUrl(), postgres.username(), postgres.password());
 * }
 * }</pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database {@link #jdbcUrl()} points at; also the superuser's name. */
    public static final String DATABASE = "switchman";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresProcesses processes;
    private final Path dataDir;
    private final int port;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedPostgres(PostgresProcesses processes, Path dataDir, int port) {
        this.processes = processes;
        this.dataDir = dataDir;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Initialises and starts a new server with an empty {@value #DATABASE} database. */
    public static EmbeddedPostgres start() {
        PostgresProcesses processes = PostgresProcesses.create(PostgresBinaries.find());
        Path instance = processes.newInstanceDirectory();
        Path dataDir = instance.resolve("data");
        try {
            processes.run(processes.binaries().initdb().toString(), "--auth=trust", "--no-sync",
                    "--encoding=UTF8", "--locale=C", "-U", DATABASE, "-D", dataDir.toString());
            int port = freePort();
            processes.run(processes.binaries().pgCtl().toString(), "start", "-w", "-t", "60",
                    "-D", dataDir.toString(), "-l", instance.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + instance
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off");
            EmbeddedPostgres postgres = new EmbeddedPostgres(processes, dataDir, port);
            postgres.createDatabase(DATABASE);
            return postgres;
        } catch (RuntimeException e) {
            processes.stopQuietly(dataDir);
            PostgresProcesses.deleteRecursively(instance);
            throw e;
        }
    }

    /** {@link #start()} for {@code switchman serve}, saying so in the log. */
    public static EmbeddedPostgres startForOwnState() {
        EmbeddedPostgres postgres = start();
        LOG.infof("no DATABASE_URL: started an embedded PostgreSQL for Switchman's own state at %s"
                + " (data in %s, deleted when Switchman stops)", postgres.jdbcUrl(), postgres.dataDir);
        return postgres;
    }

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** JDBC URL of another database of this server, see {@link #createDatabase(String)}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The URL of a database of this server in libpq form, as Railway injects {@code DATABASE_URL} and as
     * a database's {@code url} secret holds it.
     */
    public String databaseUrl(String database) {
        return "postgresql://" + username() + "@127.0.0.1:" + port + "/" + database;
    }

    /** The superuser to connect as. */
    public String username() {
        return DATABASE;
    }

    /** Always empty: the server trusts loopback connections. */
    public String password() {
        return "";
    }

    /**
     * The datasource settings that point Quarkus at the {@value #DATABASE} database, to set as
     * system properties before Quarkus starts.
     */
    public Map<String, String> datasourceProperties() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(), "quarkus.datasource.username", username());
    }

    public int port() {
        return port;
    }

    /** Creates an empty database named {@code name} ({@code [a-z_][a-z0-9_]*}). */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        processes.run(processes.binaries().createdb().toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", DATABASE, name);
    }

    /** Stops the server at once and deletes its data. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to undo
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        processes.stopQuietly(dataDir);
        PostgresProcesses.deleteRecursively(dataDir.getParent());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for PostgreSQL", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + jdbcUrl() + "]";
    }

}
