package dev.switchman.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;


/**
 * The state store for every {@code @QuarkusTest}: a fresh migrated database on the JVM's
 * {@link SharedPostgres} (the server the plain integration tests use) each time Quarkus starts, so a
 * test profile never sees what another profile's run stored.
 */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private SharedPostgres postgres;
    private String database;

    @Override
    public Map<String, String> start() {
        postgres = SharedPostgres.get();
        database = postgres.createStore("quarkus");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the server outlives one Quarkus start; EmbeddedPostgres stops it when the JVM exits
        if (database != null) {
            postgres.drop(database);
        }
    }
}
