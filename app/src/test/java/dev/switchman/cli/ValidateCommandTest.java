package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    /** The repository's worked examples. */
    private static final String EXAMPLES = RepositoryRoot.resolve("desired-state").toString();

    @TempDir
    Path dir;

    @Test
    void theWorkedExamplesAreValidAndMissingSecretsAreOnlyWarnings() {
        CommandRun run = CommandRun.of("validate", EXAMPLES);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(EXAMPLES + " is valid: 2 project(s), 4 environment(s)");
        assertThat(run.err()).contains(
                EXAMPLES + "/django-api/project.yaml:25:11: warning: production.services.backend.variables.SECRET_KEY:"
                        + " secret DJANGO_SECRET_KEY is not available");
    }

    @Test
    void requireSecretsTurnsMissingSecretsIntoErrors() {
        CommandRun run = CommandRun.of("validate", EXAMPLES, "--require-secrets");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("error: production.services.backend.variables.SENTRY_DSN")
                .contains(EXAMPLES + " is invalid");
    }

    @Test
    void aSecretFoundInTheSecretsDirectoryIsResolvedAndNeverPrinted() throws IOException {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        for (String name : new String[] {"SENTRY_DSN", "DJANGO_SECRET_KEY", "DJANGO_DATABASE_URL",
                "DJANGO_API_SLACK_WEBHOOK_URL"}) {
            Files.writeString(secrets.resolve(name), "value-of-" + name + "\n");
        }

        CommandRun run = CommandRun.of("validate", EXAMPLES + "/django-api", "--secrets-dir", secrets.toString(),
                "--require-secrets");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("value-of-");
    }

    @Test
    void everyProblemIsReportedWithAPathRelativeToTheCurrentDirectory() throws IOException {
        writeProd("{healthcheckTimout: 5, numReplicas: \"two\"}");

        CommandRun run = CommandRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains(dir.resolve("prod.yaml") + ":7:16: error: prod.services.web.deploy.healthcheckTimout:"
                        + " unknown key \"healthcheckTimout\"; did you mean \"healthcheckTimeout\"?")
                .contains(":7:51: error: prod.services.web.deploy.numReplicas: expected an integer");
    }

    /** An environment {@code prod} whose web service's deploy block is {@code deploy}, on line 7. */
    private void writeProd(String deploy) throws IOException {
        Files.writeString(dir.resolve("prod.yaml"), """
                apiVersion: switchman.dev/v1alpha1
                kind: Environment
                metadata: {name: prod, project: shop}
                spec:
                  services:
                    web:
                      deploy: %s
                """.formatted(deploy));
    }

    @Test
    void aMissingDirectoryIsAnErrorNotAnEmptyState() {
        CommandRun run = CommandRun.of("validate", dir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void jsonListsEveryDiagnosticWithItsFileLineAndColumn() throws IOException {
        CommandRun run = CommandRun.of("validate", EXAMPLES, "-o", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("environments").asInt()).isEqualTo(4);
        assertThat(json.path("revision").asText()).startsWith("sha256:");
        assertThat(json.path("warnings").asInt()).isEqualTo(json.path("diagnostics").size()).isPositive();
        JsonNode first = json.path("diagnostics").get(0);
        assertThat(first.path("severity").asText()).isEqualTo("warning");
        assertThat(first.path("file").asText()).startsWith(EXAMPLES + "/");
        assertThat(first.path("line").asInt()).isPositive();
        assertThat(first.path("column").asInt()).isPositive();
        assertThat(first.path("message").asText()).contains("is not available");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void githubAnnotationsAndAMarkdownTableForCi() throws IOException {
        writeProd("{healthcheckTimout: 5}");

        CommandRun github = CommandRun.of("validate", dir.toString(), "--format", "github");
        CommandRun markdown = CommandRun.of("validate", dir.toString(), "--format", "markdown");

        assertThat(github.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(github.out()).contains("::error file=" + dir.resolve("prod.yaml") + ",line=7,col=16,"
                + "title=prod.services.web.deploy.healthcheckTimout::unknown key \"healthcheckTimout\"");
        assertThat(markdown.out()).startsWith("### Switchman validate\n\n❌ ").contains("| ❌ error | `"
                + dir.resolve("prod.yaml") + ":7:16` | `prod.services.web.deploy.healthcheckTimout` | unknown key");
    }

    @Test
    void theDirectoryDefaultsToSwitchmanDesiredDirLikeEveryOtherCommand() {
        CommandRun run = CommandRun.withEnvironment(Map.of("SWITCHMAN_DESIRED_DIR", EXAMPLES + "/ticketing"), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(EXAMPLES + "/ticketing is valid: 1 project(s), 2 environment(s)");
    }

    @Test
    void aUsageMistakeExits1Never2WhichMeansChanges() {
        assertThat(CommandRun.of("validate", "--no-such-flag").exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(CommandRun.of("bogus").exitCode()).isEqualTo(ExitCode.ERROR);
    }
}
