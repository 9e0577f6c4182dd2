package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.DatabaseMigrator;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.store.EmbeddedPostgres;
import dev.switchman.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A failing migration notifies a real local webhook once, however often the stalled revision is reconciled,
 * and is counted once in {@code switchman_migrations_total}.
 */
class MigrationNotificationIT {

    private static final String SPEC = """
            services:
              api:
                source: { image: ghcr.io/acme/api:1.0 }
            databases:
              app:
                url: { secretRef: APP_DATABASE_URL }
                migrations: { path: migrations }
            notifications:
              - webhook: { url: { secretRef: HOOK_URL } }
            """;

    private static EmbeddedPostgres postgres;
    private static PGSimpleDataSource store;

    @TempDir
    Path desiredDir;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private ReconcileHarness h;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgres.start();
        store = ReconcileHarness.migrated(postgres);
        postgres.createDatabase("notified_app");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        h = ReconcileHarness.fresh(store, desiredDir);
        h.secrets = Map.of("APP_DATABASE_URL", "postgresql://" + postgres.username() + "@127.0.0.1:" + postgres.port()
                + "/notified_app", "HOOK_URL", receiver.url());
        h.notifier = new Notifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, 2), h::environment,
                name -> Optional.ofNullable(h.secrets.get(name)), h.notifications, h.registry);
        h.migrationGate = new MigrationGate(name -> Optional.ofNullable(h.secrets.get(name)), () -> desiredDir,
                MigrationGate.MissingUrl.STALL, new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store),
                        Optional.empty(), "test-runner", Clock.systemUTC()));
        Files.createDirectories(desiredDir.resolve("migrations"));
    }

    @AfterEach
    void tearDown() {
        h.notifier.close();
        h.close();
        receiver.close();
    }

    @Test
    void aFailingMigrationIsNotifiedOnceAndCountedOnce() throws Exception {
        Files.writeString(desiredDir.resolve("migrations/V1__create_orders.sql"), "create table orders (id int);");
        Files.writeString(desiredDir.resolve("migrations/V2__broken.sql"), "alter table no_such_table add x int;");
        DesiredEnvironment desired = h.desire(SPEC);

        for (int i = 0; i < 3; i++) {
            assertThat(h.reconcile(desired)).isInstanceOf(ReconcileOutcome.Stalled.class);
        }

        List<JsonNode> messages = received();
        assertThat(messages).extracting(m -> m.get("kind").asText()).containsExactly("migrationFailed");
        JsonNode failed = messages.get(0);
        assertThat(failed.get("service").asText()).isEqualTo("app");
        assertThat(failed.get("reason").asText()).contains("V2__broken.sql", "no_such_table");
        assertThat(failed.get("details").get("script").asText()).isEqualTo("V2__broken.sql");
        assertThat(failed.get("details").get("revision").asText()).isEqualTo(h.revision());
        assertThat(receiver.bodies()).noneMatch(body -> body.contains(h.secrets.get("APP_DATABASE_URL")));
        assertThat(h.counter("switchman_migrations_total", "result", "failed")).isEqualTo(1.0);
    }

    private List<JsonNode> received() throws InterruptedException {
        assertThat(h.notifier.awaitQuiet(Duration.ofSeconds(20))).isTrue();
        return receiver.json();
    }
}
