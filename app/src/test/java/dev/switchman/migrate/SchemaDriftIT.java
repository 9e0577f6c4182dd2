package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.NotificationTarget;
import dev.switchman.desired.VariableValue;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import dev.switchman.store.NotificationRepository;
import dev.switchman.testing.TestPostgres;
import dev.switchman.testing.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made change to a migrated database's schema, seen by the schema watch against real PostgreSQL. */
class SchemaDriftIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    Path root;
    private MigrationFixture f;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private Notifier notifier;
    private DesiredEnvironment production;

    @BeforeEach
    void setUp() throws Exception {
        f = new MigrationFixture(postgres, root);
        production = notifying(f.environment(false, false), List.of());
        notifier = new Notifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, 2),
                name -> Optional.of(production), name -> name.equals("HOOK_URL") ? Optional.of(receiver.url())
                        : Optional.empty(), new NotificationRepository(f.store), new SimpleMeterRegistry());
        f.script("V1__create_orders.sql", """
                create table orders (id bigint primary key, customer text not null, note text,
                    total numeric(10, 2) default 0 check (total >= 0));
                create index orders_customer_idx on orders (customer);
                """);
    }

    @AfterEach
    void tearDown() {
        notifier.close();
        receiver.close();
    }

    /** A gate as the daemon wires it: a new one is what a restarted daemon has. */
    private MigrationGate daemon() {
        return f.gate("daemon-1", Optional.empty()).watchingSchema(new SchemaWatch(new SchemaBaselines(f.store),
                new EventRepository(f.store), notifier, Duration.ZERO, Clock.systemUTC()));
    }

    @Test
    void aDroppedColumnAndIndexAreReportedOnceAcrossRunsAndRestartsAndTheirReturnOnce() throws Exception {
        daemon().pass(production, "rev-1");
        daemon().watchSchema(production);

        f.execute("alter table orders drop column note; drop index orders_customer_idx");
        MigrationGate gate = daemon();
        gate.watchSchema(production);
        gate.watchSchema(production);
        daemon().watchSchema(production);
        List<JsonNode> whileDrifted = received();
        f.execute("alter table orders add column note text; create index orders_customer_idx on orders (customer)");
        daemon().watchSchema(production);

        assertThat(events("SchemaDrift")).singleElement().satisfies(message -> assertThat(message)
                .contains("missing column public.orders.note (text)")
                .contains("missing index public.orders_customer_idx (btree (customer))")
                .contains("recorded after V1 by shop/production database app"));
        assertThat(whileDrifted).extracting(n -> n.get("kind").asText()).containsExactly("schemaDrift");
        assertThat(whileDrifted.get(0).get("service").asText()).isEqualTo("app");
        assertThat(events("SchemaDriftResolved")).hasSize(1);
        assertThat(received()).extracting(n -> n.get("kind").asText())
                .containsExactly("schemaDrift", "schemaDriftResolved");
        assertThat(f.tables()).containsExactly("orders");
    }

    @Test
    void objectsTheApplicationManagesItselfAreIgnoredAndAnythingElseIsNot() {
        production = notifying(f.environment(false, false), List.of("public.sessions", "public.orders.cache_*"));
        MigrationGate gate = daemon();
        gate.pass(production, "rev-1");

        f.execute("create table sessions (id text primary key); create index sessions_id_idx on sessions (id);"
                + " alter table orders add column cache_total numeric");
        gate.watchSchema(production);
        List<String> ignoredOnly = events("SchemaDrift");
        f.execute("alter table orders alter column note type varchar(20)");
        gate.watchSchema(production);

        assertThat(ignoredOnly).isEmpty();
        assertThat(events("SchemaDrift")).singleElement().satisfies(message -> assertThat(message)
                .contains("changed column public.orders.note: text -> character varying(20)")
                .doesNotContain("sessions").doesNotContain("cache_total"));
    }

    @Test
    void aDatabaseMigratedBeforeSchemasWereRecordedHasItsSchemaAdoptedThenWatched() throws Exception {
        daemon().pass(production, "rev-1");
        try (var c = f.store.getConnection(); var s = c.createStatement()) {
            s.execute("truncate schema_baselines");
        }

        MigrationGate gate = daemon();
        gate.pass(production, "rev-2");
        f.execute("alter table orders drop constraint orders_total_check");
        gate.watchSchema(production);

        assertThat(events("SchemaDrift")).singleElement().satisfies(message -> assertThat(message)
                .contains("missing constraint public.orders.orders_total_check (CHECK ((total >= (0)::numeric)))")
                .contains("(adopted"));
    }

    @Test
    void theSameSchemaHasTheSameFingerprintWhoeverOwnsIt() {
        daemon().pass(production, "rev-1");
        MigrationTarget target = new MigrationTargets(name -> Optional.of(f.databaseUrl()), () -> root)
                .target(production, production.databases().get("app")).orElseThrow();
        String before = SchemaCatalog.read(target).fingerprint();

        f.execute("create role someone_else; alter table orders owner to someone_else");

        assertThat(SchemaCatalog.read(target).fingerprint()).isEqualTo(before);
        assertThat(SchemaCatalog.read(target).objects()).extracting(SchemaSnapshot.SchemaObject::id)
                .containsExactly("column public.orders.customer", "column public.orders.id", "column public.orders.note",
                        "column public.orders.total", "constraint public.orders.orders_pkey",
                        "constraint public.orders.orders_total_check", "index public.orders_customer_idx",
                        "table public.orders");
    }

    private List<String> events(String reason) {
        return new EventRepository(f.store).recent("shop", "production", 50).stream()
                .filter(e -> e.reason().equals(reason)).map(EnvironmentEvent::message).toList();
    }

    private List<JsonNode> received() throws InterruptedException {
        assertThat(notifier.awaitQuiet(Duration.ofSeconds(20))).isTrue();
        return receiver.json();
    }

    private static DesiredEnvironment notifying(DesiredEnvironment environment, List<String> ignore) {
        DatabaseSpec app = environment.databases().get("app");
        DatabaseSpec.MigrationSpec m = app.migrations();
        DatabaseSpec watched = new DatabaseSpec(app.name(), app.service(), app.url(), new DatabaseSpec.MigrationSpec(
                m.path(), m.command(), m.service(), m.dryRunFirst(), m.lockTimeout(), ignore), app.backups());
        return new DesiredEnvironment(environment.project(), environment.name(), null, Map.of(), Map.of(),
                Map.of("app", watched), environment.policy(), null, null,
                List.of(new NotificationTarget.Webhook(new VariableValue.SecretRef("HOOK_URL"), List.of())));
    }
}
