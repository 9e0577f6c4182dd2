package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.store.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(unknown.err()).contains("declares no database 'nope'; declared: tickets");
    }

    @Test
    void aMissingUrlSecretIsExplained() {
        CommandRun run = CommandRun.of("migrate", "status", "--env", "ticketing/production", "--database", "tickets");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("secret TICKETING_DATABASE_URL (the database URL) is not set");
    }

    private static CommandRun migrate(String action) {
        return CommandRun.of("migrate", action, "--env", "ticketing/production", "--database", "tickets",
                "--secrets-dir", secrets.toString());
    }
}
