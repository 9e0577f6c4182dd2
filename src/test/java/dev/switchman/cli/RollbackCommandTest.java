package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code rollback} and {@code retry} refuse before they touch Railway or the store. */
class RollbackCommandTest {

    @Test
    void rollbackRefusesWithoutYes() {
        CommandRun run = CommandRun.of("rollback", "--env", "production", "--service", "web");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("pass --yes");
    }

    @Test
    void rollbackNeedsAServiceAndRetryAnEnvironment() {
        assertThat(CommandRun.of("rollback", "--env", "production", "--yes").err()).contains("--service");
        assertThat(CommandRun.of("retry").err()).contains("--env");
    }
}
