package dev.switchman.desired;

import static dev.switchman.desired.Trees.environment;
import static dev.switchman.desired.Trees.rendered;
import static dev.switchman.desired.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.settings.Setting;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape problems in one file, rendered exactly as the CLI prints them. */
class LoaderDiagnosticsTest {

    @TempDir
    Path root;

    @Test
    void reportsEveryShapeProblemOfAFileAtOnce() {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "prod.yaml", environment("production", """
                services:
                  web:
                    deploy:
                      healthcheckTimeout: five
                      healthCheckPath: /health
                      restartPolicyType: SOMETIMES
                      numReplicas: 99
                    verify:
                      soak: 5 minutes
                      checks:
                        - name: ready
                """));

        assertThat(rendered(root)).containsExactly(
                "prod.yaml:10:29: error: production.services.web.deploy.healthcheckTimeout: expected an integer"
                        + " number of seconds, got \"five\"",
                "prod.yaml:11:9: error: production.services.web.deploy.healthCheckPath: unknown key"
                        + " \"healthCheckPath\"; did you mean \"healthcheckPath\"?",
                "prod.yaml:12:28: error: production.services.web.deploy.restartPolicyType: invalid value"
                        + " \"SOMETIMES\"; allowed: ALWAYS, NEVER, ON_FAILURE",
                "prod.yaml:13:22: error: production.services.web.deploy.numReplicas: expected an integer number of"
                        + " replicas between 1 and 50, got 99",
                "prod.yaml:15:15: error: production.services.web.verify.soak: invalid duration \"5 minutes\": write"
                        + " a number and a unit (ms, s, m, h, d), largest first, e.g. 500ms, 30s, 5m, 1h30m, 7d",
                "prod.yaml:17:13: error: production.services.web.verify.checks[0].path: missing required key"
                        + " \"path\"");
        assertThat(DesiredStateLoader.load(root).state()).isNull();
    }

    @Test
    void projectPathsStartWithTheProjectsDefaults() {
        write(root, "project.yaml", Trees.PROJECT.replace("healthcheckTimeout: 30", "healthcheckTimeout: \"30\""));
        write(root, "prod.yaml", environment("production", "policy: { drift: selfheal }"));

        assertThat(rendered(root)).containsExactly(
                "prod.yaml:7:20: error: production.policy.drift: invalid value \"selfheal\" (did you mean"
                        + " selfHeal?); allowed: selfHeal, reportOnly",
                "project.yaml:10:39: error: shop.defaults.services.web.deploy.healthcheckTimeout: expected an"
                        + " integer number of seconds, got \"30\" (remove the quotes)");
    }

    @Test
    void duplicateKeysNameBothLines() {
        write(root, "project.yaml", Trees.PROJECT + "    sharedVariables: { A: 1 }\n  defaults: {}\n");

        assertThat(rendered(root)).containsExactly(
                "project.yaml:12:3: error: duplicate key \"defaults\": first on line 6, again on line 12");
    }

    @Test
    void invalidCronAndNamesAreExplained() {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "prod.yaml", environment("production", """
                sharedVariables: { 1BAD: x }
                databases:
                  main:
                    url: postgres://user:pw@host/db
                    backups: { schedule: "0 25 * * *", destination: { filesystem: { path: /b } } }
                """));

        assertThat(rendered(root)).containsExactly(
                "prod.yaml:7:22: error: production.sharedVariables.1BAD: invalid variable name \"1BAD\": use"
                        + " letters, digits and _, not starting with a digit",
                "prod.yaml:10:12: error: production.databases.main.url: expected { secretRef: NAME }, got"
                        + " \"postgres://user:pw@host/db\"",
                "prod.yaml:11:28: error: production.databases.main.backups.schedule: invalid cron expression"
                        + " \"0 25 * * *\": hour: Value 25 not in range [0, 23]");
    }

    @Test
    void nullRemovesAnInheritedValueAndListsReplace() {
        write(root, "project.yaml", Trees.PROJECT.replace("deploy: { healthcheckTimeout: 30 }",
                "deploy: { healthcheckTimeout: 30, numReplicas: 2 }\n        dependsOn: [db]\n      db: {}"));
        write(root, "prod.yaml", environment("production", """
                services:
                  web:
                    deploy: { healthcheckTimeout: null, startCommand: run }
                    dependsOn: []
                """));

        LoadResult result = DesiredStateLoader.load(root);

        assertThat(result.diagnostics()).isEmpty();
        ServiceSpec web = result.state().environment("production").orElseThrow().services().get("web");
        assertThat(web.settings().get(Setting.DEPLOY_HEALTHCHECK_TIMEOUT)).isNull();
        assertThat(web.settings().get(Setting.DEPLOY_NUM_REPLICAS)).isEqualTo(2);
        assertThat(web.settings().get(Setting.DEPLOY_START_COMMAND)).isEqualTo("run");
        assertThat(web.dependsOn()).isEmpty();
        assertThat(web.settings().get(Setting.SOURCE_IMAGE)).isEqualTo("nginx:1.27");
    }
}
