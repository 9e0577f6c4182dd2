package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final String CASE = "src/test/resources/plan-cases/example-django-api-production/";

    @TempDir
    Path dir;

    @Test
    void changesGiveExitCode2WithDetailedExitcodeAndSecretsStayRedacted() throws IOException {
        Path secrets = secrets("SENTRY_DSN", "DJANGO_SECRET_KEY", "DJANGO_DATABASE_URL");

        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", secrets.toString(), "--detailed-exitcode");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CHANGES);
        assertThat(run.out()).contains("~ variable.backend.SECRET_KEY: (sensitive value) -> (sensitive value)")
                .contains("Plan: 0 to add,").doesNotContain("value-of-");
    }

    @Test
    void withoutDetailedExitcodeAPlanWithChangesExits0() throws IOException {
        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", secrets("SENTRY_DSN", "DJANGO_SECRET_KEY", "DJANGO_DATABASE_URL").toString());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void anEnvironmentInSyncExits0WithDetailedExitcode() throws IOException {
        Path secretsDir = recordedSecrets("in-sync");

        CommandRun json = CommandRun.of("plan", "--env", "production", "--dir", "src/test/resources/plan-cases/in-sync/desired",
                "--observed", "src/test/resources/plan-cases/in-sync/observed.json", "--secrets-dir", secretsDir.toString(),
                "--detailed-exitcode", "--json");

        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.path("changes")).isEmpty();
        assertThat(json.exitCode()).isZero();
    }

    @Test
    void aMissingSecretBlocksThePlanWithExitCode1AndNamesIt() {
        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("SENTRY_DSN");
    }

    @Test
    void anUnknownOrAmbiguousEnvironmentListsTheDeclaredOnes() {
        CommandRun run = CommandRun.of("plan", "--env", "production", "--observed", CASE + "observed.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("several projects declare environment 'production': name one of"
                + " django-api/production, ticketing/production");
    }

    @Test
    void anUnreadableObservedFileIsAnError() throws IOException {
        Path broken = Files.writeString(dir.resolve("observed.json"), "{\"data\": null, \"errors\": [{\"message\": \"Not Authorized\"}]}");

        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", broken.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("switchman: ");
    }

    /** The case's recorded secret values, one file each, as a mounted secrets directory. */
    private Path recordedSecrets(String planCase) throws IOException {
        Path secretsDir = Files.createDirectories(dir.resolve(planCase + "-secrets"));
        for (var secret : recorded(planCase).entrySet()) {
            Files.writeString(secretsDir.resolve((String) secret.getKey()), (String) secret.getValue());
        }
        return secretsDir;
    }

    private static Properties recorded(String planCase) throws IOException {
        Properties recorded = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/test/resources/plan-cases/" + planCase + "/secrets.properties"))) {
            recorded.load(in);
        }
        return recorded;
    }

    private CommandRun pruneCase(String... more) throws IOException {
        String base = "src/test/resources/plan-cases/service-delete-prune-and-inventory/";
        List<String> args = new ArrayList<>(List.of("plan", "--env", "shop/production", "--dir", base + "desired",
                "--observed", base + "observed.json", "--last-applied", base + "last-applied.json",
                "--secrets-dir", recordedSecrets("service-delete-prune-and-inventory").toString()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void markdownIsAPullRequestCommentThatCallsOutDestructiveChangesAndShowsNoSecret() throws IOException {
        CommandRun run = pruneCase("--format", "markdown");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("### Switchman plan\n")
                .contains("| `shop/production` | 0 | 0 | 1 | ⚠️ changes |")
                .contains("> [!CAUTION]").contains("> - `shop/production`: `- service.legacy-worker`")
                .contains("<details open><summary>shop/production: changes</summary>")
                .contains("```diff\n").contains("\n- service.legacy-worker   # destructive\n");
        for (Object value : recorded("service-delete-prune-and-inventory").values()) {
            assertThat(run.out()).doesNotContain((String) value);
        }
    }

    @Test
    void githubFormatAnnotatesTheFileAndLineADestructiveChangeComesFrom() throws IOException {
        CommandRun run = pruneCase("--format", "github");

        assertThat(run.out()).contains("::warning file=src/test/resources/plan-cases/service-delete-prune-and-inventory/"
                        + "desired/shop.yaml,line=")
                .contains("title=switchman plan shop/production::destroys service.legacy-worker")
                .contains("::notice title=switchman plan shop/production::changes: 0 to add, 0 to change, 1 to destroy");
    }

    @Test
    void aBlockerIsAnErrorAnnotationAtTheLineThatReferencesTheSecret() {
        CommandRun run = CommandRun.of("plan", "--env", "django-api/production", "--observed", CASE + "observed.json",
                "--secrets-dir", dir.toString(), "-o", "github");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("::error file=" + RepositoryRoot.resolve("desired-state/django-api/production.yaml")
                        + ",line=16,col=")
                .contains("secret SENTRY_DSN does not resolve");
    }

    @Test
    void theDesiredStateDirectoryComesFromSwitchmanDesiredDirLikeEveryOtherCommand() throws IOException {
        String base = "src/test/resources/plan-cases/service-delete-prune-and-inventory/";

        CommandRun run = CommandRun.withEnvironment(Map.of("SWITCHMAN_DESIRED_DIR", base + "desired"), "plan", "--env",
                "shop/production", "--observed", base + "observed.json", "--secrets-dir",
                recordedSecrets("service-delete-prune-and-inventory").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Plan for shop/production");
    }

    @Test
    void observedGoesWithOneEnvironmentOnly() {
        CommandRun run = CommandRun.of("plan", "--all", "--observed", CASE + "observed.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("--observed records one environment: use it with --env");
    }

    private Path secrets(String... names) throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        for (String name : names) {
            Files.writeString(secrets.resolve(name), "value-of-" + name);
        }
        return secrets;
    }

    @Test
    void withoutObservedItReadsRailwayWithTheTokenFromTheEnvironment() {
        DesiredState state = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state();
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
    void aTokenThatCannotSeeTheProjectIsAClearError() {
        DesiredState state = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state();
        try (SandboxServer railway = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(state))).start(0)) {
            CommandRun run = CommandRun.withEnvironment(Map.of("RAILWAY_API_URL", railway.url() + "/graphql/v2",
                    "RAILWAY_API_TOKEN", "not-a-token"), "plan", "--env", "ticketing/staging");

            assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(run.err()).contains("invalid or expired token").contains("RAILWAY_API_TOKEN");
        }
    }

    @Test
    void anApiThatCannotBeReachedIsNamedWithTheVariableThatSetsIt() {
        CommandRun run = CommandRun.withEnvironment(Map.of("RAILWAY_API_URL", "http://127.0.0.1:1/graphql/v2",
                "RAILWAY_API_TOKEN", "any"), "plan", "--env", "ticketing/staging");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("no response: http://127.0.0.1:1/graphql/v2 (RAILWAY_API_URL): connection refused");
    }

    @Test
    void allPlansEveryEnvironmentWithOneSummary() throws IOException {
        DesiredState state = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state();
        try (SandboxServer railway = new SandboxServer(RailwaySandbox.fromFixture(SandboxSeed.fixture(state))).start(0)) {
            Map<String, String> env = Map.of("RAILWAY_API_URL", railway.url() + "/graphql/v2",
                    "RAILWAY_API_TOKEN", SandboxSeed.ACCOUNT_TOKEN);

            CommandRun text = CommandRun.withEnvironment(env, "plan", "--all", "--secrets-dir", dir.toString());
            JsonNode json = new ObjectMapper().readTree(CommandRun.withEnvironment(env, "plan", "--all", "-o", "json",
                    "--secrets-dir", dir.toString()).out());

            assertThat(text.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(text.out()).contains("Plan for django-api/production").contains("Plan for ticketing/staging")
                    .containsPattern("ENVIRONMENT +ADD +CHANGE +DESTROY +STATUS\n")
                    .containsPattern("ticketing/staging +8 +0 +0 +blocked")
                    .contains("4 environment(s): 4 with changes, 4 blocked, 0 failed.");
            assertThat(json.path("environments")).hasSize(4);
            assertThat(json.path("environments").get(0).path("environment").asText()).isEqualTo("django-api/production");
            assertThat(json.path("environments").get(0).path("plan").path("changes")).isNotEmpty();
            assertThat(json.path("summary").path("environments").asInt()).isEqualTo(4);
            assertThat(json.path("summary").path("blocked").asInt()).isEqualTo(4);
        }
    }
}
