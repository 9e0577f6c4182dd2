package dev.switchman.testing;

import dev.switchman.store.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A data source on a throw-away PostgreSQL with Switchman's schema migrated, for tests outside Quarkus. */
public final class MigratedStore {

    private MigratedStore() {
    }

    public static PGSimpleDataSource on(EmbeddedPostgres postgres) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.username());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
