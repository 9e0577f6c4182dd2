package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request plan action's script (.github/actions/plan/plan-comment.sh) as the action runs it, with the
 * packaged switchman against the Railway sandbox: it annotates, plans every environment and writes the comment
 * body; an invalid desired state gets its problems instead of a plan. Secret values never reach the body.
 */
class PlanActionIT {

    private static final String TOKEN = "plan-action-token";
    private static final String SECRET = "do-not-print-8f3a1c";
    private static final List<String> SECRETS = List.of("BACKUP_S3_KEY_ID", "BACKUP_S3_SECRET",
            "DJANGO_API_SLACK_WEBHOOK_URL", "DJANGO_DATABASE_URL", "DJANGO_SECRET_KEY", "SENTRY_DSN",
            "TICKETING_DATABASE_URL", "TICKETING_INTERNAL_API_TOKEN", "TICKETING_WEBHOOK_URL");

    private static SandboxServer sandbox;

    @TempDir
    Path work;

    @BeforeAll
    static void startSandbox() {
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("seed", "plan-action");
        fixture.put("tokens", List.of(Map.of("token", TOKEN, "kind", "account")));
        fixture.put("projects", DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state().projects().stream()
                .map(p -> Map.of("name", p.name(), "environments", List.copyOf(p.environments().keySet()))).toList());
        sandbox = new SandboxServer(RailwaySandbox.fromFixture(fixture)).start(0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aValidDesiredStateGetsEveryEnvironmentsPlanAsTheComment() throws Exception {
        Result result = run(RepositoryRoot.resolve("desired-state"));

        assertThat(result.output()).doesNotContain("::error");
        assertThat(result.outputs()).contains("result=changes");
        assertThat(result.body()).startsWith("<!-- switchman-plan -->\n").contains("### Switchman plan")
                .contains("`django-api/production`", "`django-api/staging`", "`ticketing/production`",
                        "`ticketing/staging`")
                .contains("Merging applies these changes").doesNotContain(SECRET);
    }

    @Test
    void anInvalidDesiredStateGetsItsProblemsAnnotatedAndNoPlan() throws Exception {
        Path broken = copyOfExamples();
        Path production = broken.resolve("django-api/production.yaml");
        Files.writeString(production, Files.readString(production).replace("numReplicas: 2", "numReplicas: two"));

        Result result = run(broken);

        assertThat(result.output()).containsPattern("::error file=[^,]*production\\.yaml,line=\\d+");
        assertThat(result.outputs()).contains("result=invalid");
        assertThat(result.body()).startsWith("<!-- switchman-plan -->\n").contains("numReplicas")
                .contains("**The desired state is invalid**").doesNotContain("### Switchman plan\n\n4 environment");
    }

    private record Result(String output, String body, String outputs) {
    }

    private Result run(Path desired) throws IOException, InterruptedException {
        Path body = work.resolve("body.md");
        Path outputs = work.resolve("github-output");
        Files.writeString(outputs, "");
        Map<String, String> environment = new HashMap<>(Map.of(
                "SWITCHMAN", Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                        + Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath(),
                "DESIRED_DIR", desired.toString(), "BODY", body.toString(), "GITHUB_OUTPUT", outputs.toString(),
                "RAILWAY_API_URL", sandbox.url() + "/graphql/v2", "RAILWAY_API_TOKEN", TOKEN, "RAILWAY_TOKEN", ""));
        SECRETS.forEach(name -> environment.put(name, SECRET));
        environment.put("DJANGO_DATABASE_URL", "postgresql://app:" + SECRET + "@db.internal:5432/app");
        environment.put("TICKETING_DATABASE_URL", "postgresql://app:" + SECRET + "@db.internal:5432/tickets");
        // from the repository's root, as the action runs in a workspace
        ProcessBuilder builder = new ProcessBuilder("bash", ".github/actions/plan/plan-comment.sh")
                .directory(RepositoryRoot.path().toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().remove("DATABASE_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return new Result(output, Files.readString(body), Files.readString(outputs));
    }

    private Path copyOfExamples() throws IOException {
        Path source = RepositoryRoot.resolve("desired-state");
        Path copy = work.resolve("desired-state");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
