package dev.switchman.desired;

import static dev.switchman.desired.Trees.environment;
import static dev.switchman.desired.Trees.rendered;
import static dev.switchman.desired.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.settings.Setting;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrations.command} becomes the service's pre-deploy command; two different declarations are an error. */
class PreDeployMigrationsTest {

    private static final String DATABASE = """
            databases:
              main:
                url: { secretRef: DB_URL }
                migrations: { command: python manage.py migrate --no-input, service: web }
            """;

    @TempDir
    Path root;

    @Test
    void theCommandIsSetAsTheServicesPreDeployCommand() {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "prod.yaml", environment("production", "services:\n  web: { source: { image: web } }\n" + DATABASE));

        DesiredEnvironment env = DesiredStateLoader.load(root).state().environment("production").orElseThrow();

        assertThat(env.services().get("web").settings().strings(Setting.DEPLOY_PRE_DEPLOY_COMMAND))
                .isEqualTo(List.of("python manage.py migrate --no-input"));
    }

    @Test
    void aDifferentPreDeployCommandIsReported() {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "prod.yaml", environment("production", """
                services:
                  web: { source: { image: web }, deploy: { preDeployCommand: ./migrate.sh } }
                """ + DATABASE));

        assertThat(String.join("\n", rendered(root)))
                .contains("services.web.deploy.preDeployCommand [./migrate.sh] differs from migrations.command");
    }
}
