package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code rollback}, {@code retry} and {@code apply} refuse before they boot anything or touch Railway. */
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

    @Test
    void withoutTheDaemonsStateStoreBothRefuseAndNameTheVariableToSet() {
        for (CommandRun run : new CommandRun[] {CommandRun.of("retry", "--env", "django-api/production"),
                CommandRun.of("rollback", "--env", "django-api/production", "--service", "backend", "--yes")}) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("needs the daemon's state store").contains("set DATABASE_URL");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aMisspeltEnvironmentIsAnsweredBeforeAnythingStarts() {
        for (CommandRun run : new CommandRun[] {CommandRun.of("apply", "--env", "django-api/prodution", "--yes"),
                CommandRun.withEnvironment(Map.of("DATABASE_URL", "postgresql://nowhere.invalid/x"), "retry", "--env",
                        "django-api/prodution")}) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("environment 'django-api/prodution' is not declared; did you mean"
                    + " 'django-api/production'?");
        }
    }

    @Test
    void aBlankDatabaseUrlIsNoStore() {
        CommandRun run = CommandRun.withEnvironment(Map.of("DATABASE_URL", " "), "retry", "--env", "django-api/production");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("set DATABASE_URL");
    }
}
