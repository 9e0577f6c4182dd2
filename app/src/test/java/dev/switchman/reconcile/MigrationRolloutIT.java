package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.testing.TestPostgres;
import dev.switchman.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Migrations in a rollout: they run before anything is deployed, and a failure deploys nothing. */
class MigrationRolloutIT {

    private static final String SPEC = """
            services:
              api:
                source: { image: ghcr.io/acme/api:1.0 }
            databases:
              app:
                url: { secretRef: APP_DATABASE_URL }
                migrations: { path: migrations }
            """;

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static int databases;

    @TempDir
    Path desiredDir;
    ReconcileHarness h;
    String appDatabase;

    @BeforeEach
    void setUp() throws IOException {
        h = ReconcileHarness.fresh(postgres.store(), desiredDir);
        appDatabase = "rollout_app_" + ++databases;
        postgres.createDatabase(appDatabase);
        String url = postgres.databaseUrl(appDatabase);
        h.secrets = Map.of("APP_DATABASE_URL", url);
        h.migrating(Optional.empty());
        Files.createDirectories(desiredDir.resolve("migrations"));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aFailingMigrationStallsTheRolloutWithTheApplicationUntouched() throws Exception {
        script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        script("V2__add_total.sql", "alter table order_lines add column total numeric;");
        DesiredEnvironment desired = h.desire(SPEC);

        ReconcileOutcome outcome = h.reconcile(desired);
        ReconcileOutcome again = h.reconcile(desired);

        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class, stalled -> {
            assertThat(stalled.reason()).isEqualTo("MigrationFailed");
            assertThat(stalled.message()).contains("V2__add_total.sql").contains("order_lines")
                    .doesNotContain(h.secrets.get("APP_DATABASE_URL"));
        });
        assertThat(again).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class,
                stalled -> assertThat(stalled.message()).contains("not retried until the revision changes"));
        assertThat(h.observe().services()).isEmpty();
        assertThat(h.transport.count("ServiceCreate") + h.transport.count("ServiceInstanceDeploy")).isZero();
        assertThat(tables()).isEqualTo(1);
    }

    @Test
    void migrationsRunBeforeTheServicesAreDeployed() throws Exception {
        script("V1__create_orders.sql", "create table orders (id bigint primary key);");

        ReconcileOutcome outcome = h.reconcile(h.desire(SPEC));

        assertThat(outcome).isNotInstanceOf(ReconcileOutcome.Stalled.class).isNotInstanceOf(ReconcileOutcome.Retry.class);
        assertThat(h.observe().services()).containsKey("api");
        assertThat(tables()).isEqualTo(1);
    }

    @Test
    void aMissingDatabaseUrlStallsInsteadOfDeployingUnmigrated() throws Exception {
        script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        h.secrets = Map.of();

        ReconcileOutcome outcome = h.reconcile(h.desire(SPEC));

        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class,
                stalled -> assertThat(stalled.reason()).isEqualTo("SecretMissing"));
        assertThat(h.observe().services()).isEmpty();
    }

    @Test
    void aFailingMigrationIsNotifiedOnceAndCountedOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            h.secrets = Map.of("APP_DATABASE_URL", h.secrets.get("APP_DATABASE_URL"), "HOOK_URL", receiver.url());
            h.notifier = new Notifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                    Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, 2), h::environment,
                    name -> Optional.ofNullable(h.secrets.get(name)), h.notifications, h.registry);
            script("V1__create_orders.sql", "create table orders (id int);");
            script("V2__broken.sql", "alter table no_such_table add x int;");
            DesiredEnvironment desired = h.desire(SPEC + """
                    notifications:
                      - webhook: { url: { secretRef: HOOK_URL } }
                    """);

            for (int i = 0; i < 3; i++) {
                assertThat(h.reconcile(desired)).isInstanceOf(ReconcileOutcome.Stalled.class);
            }

            assertThat(h.notifier.awaitQuiet(Duration.ofSeconds(20))).isTrue();
            List<JsonNode> messages = receiver.json();
            assertThat(messages).extracting(m -> m.get("kind").asText()).containsExactly("migrationFailed");
            JsonNode failed = messages.get(0);
            assertThat(failed.get("service").asText()).isEqualTo("app");
            assertThat(failed.get("reason").asText()).contains("V2__broken.sql", "no_such_table");
            assertThat(failed.get("details").get("script").asText()).isEqualTo("V2__broken.sql");
            assertThat(failed.get("details").get("revision").asText()).isEqualTo(h.revision());
            assertThat(receiver.bodies()).noneMatch(body -> body.contains(h.secrets.get("APP_DATABASE_URL")));
            assertThat(h.counter("switchman_migrations_total", "result", "failed")).isEqualTo(1.0);
        } finally {
            h.notifier.close();
        }
    }

    private void script(String name, String sql) throws IOException {
        Files.writeString(desiredDir.resolve("migrations").resolve(name), sql);
    }

    /** Application tables (the Flyway history excluded). */
    private int tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(appDatabase), postgres.username(), "");
                ResultSet rows = c.createStatement().executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = 'public' and table_name <> 'flyway_schema_history'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
