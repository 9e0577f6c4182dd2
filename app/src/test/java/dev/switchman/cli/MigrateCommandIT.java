package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.DatabaseMigrator;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.migrate.SchemaBaselines;
import dev.switchman.migrate.SchemaWatch;
import dev.switchman.notify.Notifier;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.store.EventRepository;
import dev.switchman.testing.RepositoryRoot;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchman migrate status|plan} on the ticketing example against a real application database. */
class MigrateCommandIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    static Path secrets;

    @BeforeAll
    static void createTheTicketsDatabase() throws Exception {
        postgres.createDatabase("tickets");
        Files.writeString(secrets.resolve("TICKETING_DATABASE_URL"), postgres.databaseUrl("tickets"));
    }

    @Test
    void planListsWhatWouldRunAndStatusWhatIsPendingThenApplied() {
        CommandRun plan = migrate("plan");
        CommandRun before = migrate("status");
        CommandRun unknown = CommandRun.of("migrate", "status", "--env", "ticketing/staging", "--database", "nope");

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCode.CHANGES);
        assertThat(plan.out()).contains("2 migration(s) would run, in order:")
                .contains("+ V1 V1__create_tickets.sql").contains("+ V2 V2__add_ticket_status.sql")
                .contains("before them: a verified backup, then a dry run in a rolled-back transaction")
                .doesNotContain(postgres.physicalName("tickets"));
        assertThat(before.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(before.out()).contains("applied:     none")
                .contains("pending:     V1 V1__create_tickets.sql, V2 V2__add_ticket_status.sql")
                .contains("differences: none");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.err()).contains("database 'nope' is not declared in ticketing/staging (declared: tickets)");
    }

    @Test
    void jsonShowsTheHistoryAndWhatWouldRunInOrder() throws Exception {
        JsonNode plan = Documents.JSON.readTree(migrate("plan", "-o", "json").out());
        JsonNode status = Documents.JSON.readTree(migrate("status", "-o", "json").out());
        String yaml = migrate("status", "-o", "yaml").out();

        assertThat(plan.path("environment").asText()).isEqualTo("ticketing/production");
        assertThat(plan.path("database").asText()).isEqualTo("tickets");
        assertThat(plan.path("diverged").asBoolean()).isFalse();
        assertThat(plan.path("backupFirst").asBoolean()).isTrue();
        assertThat(plan.path("wouldRun").get(0).path("file").asText()).isEqualTo("V1__create_tickets.sql");
        assertThat(plan.path("wouldRun").get(0).path("notTransactional").isArray()).isTrue();
        assertThat(status.path("applied").isArray()).isTrue();
        assertThat(status.path("pending").get(1).path("version").asText()).isEqualTo("2");
        assertThat(status.path("differences")).isEmpty();
        assertThat(yaml).contains("database: tickets").contains("- version: '1'");
    }

    @Test
    void aMissingUrlSecretIsExplained() {
        CommandRun run = CommandRun.of("migrate", "status", "--env", "ticketing/production", "--database", "tickets");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("secret TICKETING_DATABASE_URL (the database URL) is not set");
    }

    @Test
    void statusComparesTheLiveSchemaWithTheOneRecordedAfterTheLastMigrationAndExitsNonZeroOnDrift() throws Exception {
        postgres.createDatabase("tickets_drift");
        postgres.createDatabase("switchman_state");
        Path driftSecrets = Files.createDirectories(secrets.resolve("drift"));
        Files.writeString(driftSecrets.resolve("TICKETING_DATABASE_URL"), postgres.databaseUrl("tickets_drift"));
        CommandRun withoutStateStore = CommandRun.of("migrate", "status", "--env", "ticketing/production", "--database",
                "tickets", "--secrets-dir", driftSecrets.toString());
        Files.writeString(driftSecrets.resolve("DATABASE_URL"), postgres.databaseUrl("switchman_state"));
        migrateAsTheDaemonDoes(driftSecrets);
        CommandRun inSync = status(driftSecrets);

        try (var c = DriverManager.getConnection(postgres.jdbcUrl("tickets_drift"), postgres.username(), "");
                var s = c.createStatement()) {
            s.execute("alter table tickets drop column description; drop index tickets_status_idx");
        }
        CommandRun drifted = status(driftSecrets);

        assertThat(withoutStateStore.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(withoutStateStore.out()).contains("schema:      not compared: DATABASE_URL");
        assertThat(inSync.exitCode()).as(inSync.out() + inSync.err()).isEqualTo(ExitCode.OK);
        assertThat(inSync.out()).contains("schema:      matches the one recorded after V2 by ticketing/production");
        assertThat(drifted.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(drifted.out()).contains("differences: none")
                .contains("schema:      SchemaDrift: the live schema differs")
                .contains("  - missing column public.tickets.description (text not null default ''::text)")
                .contains("  - missing index public.tickets_status_idx (btree (status))")
                .doesNotContain("tickets_reporter_idx");
    }

    /** Migrates the ticketing example with a gate wired like the daemon's: it records the schema afterwards. */
    private static void migrateAsTheDaemonDoes(Path secretsDir) throws Exception {
        Secrets secrets = new EnvironmentSecrets(secretsDir, Map.of());
        DataSource store = StateStoreConnection.lookup(secrets).orElseThrow();
        Flyway.configure().dataSource(store).locations("classpath:db/migration").load().migrate();
        PreMigrationBackup backup = (environment, database, revision) -> new PreMigrationBackup.BackupReceipt(
                "backup-1", "/backups", Instant.now());
        MigrationGate gate = new MigrationGate(secrets, () -> RepositoryRoot.resolve("desired-state"), MigrationGate.MissingUrl.STALL,
                new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store), Optional.of(backup), "test",
                        Clock.systemUTC())).watchingSchema(new SchemaWatch(new SchemaBaselines(store),
                                new EventRepository(store), Notifier.disabled(), Duration.ZERO, Clock.systemUTC()));
        DesiredEnvironment production = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state()
                .environment("ticketing/production").orElseThrow();
        assertThat(gate.pass(production, "rev-1").summary()).contains("applied V1, V2");
    }

    private static CommandRun status(Path secretsDir) {
        return CommandRun.of("migrate", "status", "--env", "ticketing/production", "--database", "tickets",
                "--secrets-dir", secretsDir.toString());
    }

    private static CommandRun migrate(String action, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", action, "--env", "ticketing/production", "--database",
                "tickets", "--secrets-dir", secrets.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
