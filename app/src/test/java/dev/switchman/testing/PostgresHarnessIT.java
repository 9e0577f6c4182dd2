package dev.switchman.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test harness's PostgreSQL: one server per JVM, fresh databases per class, truncation from the schema. */
class PostgresHarnessIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Test
    void theClassGetsAMigratedStoreOfItsOwn() throws SQLException {
        assertThat(query(postgres.store(), "select current_database()")).isEqualTo(postgres.physicalName("switchman"));
        assertThat(Integer.parseInt(query(postgres.store(), "select count(*) from flyway_schema_history")))
                .isPositive();
        assertThat(StoreTables.list(postgres.store())).contains("reconcile_runs", "events", "inventory")
                .doesNotContain("flyway_schema_history");
    }

    @Test
    void truncationEmptiesATableNoListNamesAndKeepsFlywaysHistory() throws SQLException {
        String history = query(postgres.store(), "select count(*) from flyway_schema_history");
        execute(postgres.store(), "create table added_by_a_later_migration (id int); "
                + "insert into added_by_a_later_migration values (1)");
        try {
            postgres.truncateStore();

            assertThat(query(postgres.store(), "select count(*) from added_by_a_later_migration")).isEqualTo("0");
            assertThat(query(postgres.store(), "select count(*) from flyway_schema_history")).isEqualTo(history);
        } finally {
            execute(postgres.store(), "drop table added_by_a_later_migration");
        }
    }

    @Test
    void everyClassAndQuarkusUseTheOneServerAndAClassesDatabasesGoWithIt() throws SQLException {
        TestPostgres another = new TestPostgres();
        another.open();
        another.createDatabase("shop");
        String shop = another.physicalName("shop");
        String anotherStore = another.physicalName(TestPostgres.STORE);
        PostgresTestResource quarkus = new PostgresTestResource();
        Map<String, String> quarkusConfig = quarkus.start();
        quarkus.stop();

        assertThat(another.jdbcUrl("shop")).startsWith("jdbc:postgresql://127.0.0.1:" + SharedPostgres.get().port() + "/");
        assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + SharedPostgres.get().port() + "/");
        assertThat(quarkusConfig.get("quarkus.datasource.jdbc.url"))
                .startsWith("jdbc:postgresql://127.0.0.1:" + SharedPostgres.get().port() + "/");
        assertThat(anotherStore).isNotEqualTo(postgres.physicalName(TestPostgres.STORE));
        assertThat(databases()).contains(shop, anotherStore);

        another.close();

        assertThat(databases()).doesNotContain(shop, anotherStore).contains(postgres.physicalName(TestPostgres.STORE));
    }

    @Test
    void aDatabaseIsCreatedOnceAndOnlyCreatedOnesHaveAUrl() {
        postgres.createDatabase("once");

        assertThatThrownBy(() -> postgres.createDatabase("once")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> postgres.jdbcUrl("never_created")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never_created");
    }

    private static List<String> databases() throws SQLException {
        return List.of(query(postgres.store(), "select string_agg(datname, ' ') from pg_database").split(" "));
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
