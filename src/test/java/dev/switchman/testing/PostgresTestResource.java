package dev.switchman.testing;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchman.store.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The state store for every {@code @QuarkusTest}: one embedded PostgreSQL for the whole test run
 * (started on first use, stopped when the JVM exits), and a fresh database each time Quarkus
 * starts, so a test profile never sees what another profile's run stored.
 */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** The server of this test run, started on first call. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = EmbeddedPostgres.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres postgres = server();
        String database = "quarkus_" + DATABASES.incrementAndGet();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // the server outlives one Quarkus start; EmbeddedPostgres stops it when the JVM exits
    }
}
