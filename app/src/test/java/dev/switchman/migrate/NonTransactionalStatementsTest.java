package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonTransactionalStatementsTest {

    @Test
    void findsStatementsPostgresqlRefusesInATransaction() {
        assertThat(NonTransactionalStatements.in("""
                create index concurrently orders_idx on orders (customer);
                CREATE UNIQUE INDEX
                  CONCURRENTLY x on y (z);
                vacuum analyze orders;
                alter type mood add value 'meh';
                create database other;
                """)).containsExactlyInAnyOrder("CREATE INDEX CONCURRENTLY", "CREATE UNIQUE INDEX CONCURRENTLY",
                "VACUUM", "ALTER TYPE MOOD ADD VALUE", "CREATE DATABASE");
    }

    @Test
    void ignoresCommentsQuotedTextAndOrdinaryDdl() {
        assertThat(NonTransactionalStatements.in("""
                -- create index concurrently later
                /* vacuum
                   too */
                insert into notes (body) values ('create database x; vacuum');
                create function f() returns text as $$ select 'vacuum' $$ language sql;
                create index orders_idx on orders (customer);
                alter table orders add column total numeric;
                """)).isEmpty();
    }

    @Test
    void theExampleMigrationsCanBeDryRun() throws Exception {
        try (var scripts = Files.list(RepositoryRoot.resolve("desired-state/ticketing/migrations"))) {
            assertThat(scripts.map(p -> {
                try {
                    return NonTransactionalStatements.in(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })).allMatch(List::isEmpty);
        }
    }
}
