package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.store.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchman migrate status|plan} on the ticketing example against a real application database. */
class MigrateCommandIT {

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path secrets;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        postgres.createDatabase("tickets");
        Files.writeString(secrets.resolve("TICKETING_DATABASE_URL"), postgres.databaseUrl("tickets"));
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
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
                .doesNotContain(postgres.port() + "/tickets");
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

    private static CommandRun migrate(String action, String... more) {
        List<String> args = new ArrayList<>(List.of("migrate", action, "--env", "ticketing/production", "--database",
                "tickets", "--secrets-dir", secrets.toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
