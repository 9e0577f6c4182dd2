package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final String CASE = "src/test/resources/plan-cases/example-django-api-production/";

    @TempDir
    Path dir;

    @Test
    void changes_give_exit_code_2_with_detailed_exitcode_and_secrets_stay_redacted() throws IOException {
        Path secrets = secrets("SENTRY_DSN", "DJANGO_SECRET_KEY", "DJANGO_DATABASE_URL");

        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", secrets.toString(), "--detailed-exitcode");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CHANGES);
        assertThat(run.out()).contains("~ variable.backend.SECRET_KEY: (sensitive value) -> (sensitive value)")
                .contains("Plan: 0 to add,").doesNotContain("value-of-");
    }

    @Test
    void without_detailed_exitcode_a_plan_with_changes_exits_0() throws IOException {
        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", secrets("SENTRY_DSN", "DJANGO_SECRET_KEY", "DJANGO_DATABASE_URL").toString());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void an_environment_in_sync_exits_0_with_detailed_exitcode() throws IOException {
        Path secretsDir = Files.createDirectories(dir.resolve("in-sync-secrets"));
        Properties recorded = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/test/resources/plan-cases/in-sync/secrets.properties"))) {
            recorded.load(in);
        }
        for (String name : recorded.stringPropertyNames()) {
            Files.writeString(secretsDir.resolve(name), recorded.getProperty(name));
        }

        CommandRun json = CommandRun.of("plan", "--env", "production", "--dir", "src/test/resources/plan-cases/in-sync/desired",
                "--observed", "src/test/resources/plan-cases/in-sync/observed.json", "--secrets-dir", secretsDir.toString(),
                "--detailed-exitcode", "--json");

        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.path("changes")).isEmpty();
        assertThat(json.exitCode()).isZero();
    }

    @Test
    void a_missing_secret_blocks_the_plan_with_exit_code_1_and_names_it() {
        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("SENTRY_DSN");
    }

    @Test
    void an_unknown_or_ambiguous_environment_lists_the_declared_ones() {
        CommandRun run = CommandRun.of("plan", "--env", "production", "--observed", CASE + "observed.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("environment 'production' is not declared or is ambiguous")
                .contains("django-api/production, django-api/staging, ticketing/production, ticketing/staging");
    }

    @Test
    void an_unreadable_observed_file_is_an_error() throws IOException {
        Path broken = Files.writeString(dir.resolve("observed.json"), "{\"data\": null, \"errors\": [{\"message\": \"Not Authorized\"}]}");

        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", broken.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("switchman: ");
    }

    private Path secrets(String... names) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        for (String name : names) {
            Files.writeString(secrets.resolve(name), "value-of-" + name);
        }
        return secrets;
    }

    @Test
    void without_observed_it_reads_railway_with_the_token_from_the_environment() {
        DesiredState state = DesiredStateLoader.load(Path.of("desired-state")).state();
        try (SandboxServer railway = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(state))).start(0)) {
            Map<String, String> env = Map.of("RAILWAY_API_URL", railway.url() + "/graphql/v2",
                    "RAILWAY_API_TOKEN", SandboxSeed.ACCOUNT_TOKEN);

            CommandRun run = CommandRun.withEnvironment(env, "plan", "--env", "ticketing/staging", "--json",
                    "--secrets-dir", dir.toString());

            assertThat(run.out()).contains("\"address\" : \"service.workflow-api\"");
            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.out()).contains("TICKETING_INTERNAL_API_TOKEN does not resolve");
        }
    }

    @Test
    void a_token_that_cannot_see_the_project_is_a_clear_error() {
        DesiredState state = DesiredStateLoader.load(Path.of("desired-state")).state();
        try (SandboxServer railway = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(state))).start(0)) {
            CommandRun run = CommandRun.withEnvironment(Map.of("RAILWAY_API_URL", railway.url() + "/graphql/v2",
                    "RAILWAY_API_TOKEN", "not-a-token"), "plan", "--env", "ticketing/staging");

            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("invalid or expired token").contains("RAILWAY_API_TOKEN");
        }
    }
}
