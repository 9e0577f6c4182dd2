package dev.switchman.desired;

import static dev.switchman.desired.Trees.environment;
import static dev.switchman.desired.Trees.rendered;
import static dev.switchman.desired.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks after merging, each pointing at the file and line that declared the offending value. */
class SemanticChecksTest {

    @TempDir
    Path root;

    private String messagesFor(String spec) {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "prod.yaml", environment("production", spec));
        return String.join("\n", rendered(root));
    }

    @Test
    void danglingSelfAndCyclicDependencies() {
        assertThat(messagesFor("""
                services:
                  web: { dependsOn: [worker, web, ghost] }
                  worker: { dependsOn: [web] }
                """)).isEqualTo(String.join("\n",
                "prod.yaml:8:24: error: production.services.web.dependsOn[0]: dependency cycle: web -> worker -> web",
                "prod.yaml:8:32: error: production.services.web.dependsOn[1]: service web depends on itself",
                "prod.yaml:8:37: error: production.services.web.dependsOn[2]: unknown service \"ghost\" in"
                        + " dependsOn; services in production: web, worker"));
    }

    @Test
    void sourceAndRegionExclusions() {
        assertThat(messagesFor("""
                services:
                  web:
                    source: { repo: acme/web }
                    deploy: { region: us-west2, multiRegionConfig: { europe-west4: { numReplicas: 1 } } }
                  job:
                    source: { image: busybox, branch: main }
                """)).isEqualTo(String.join("\n",
                "prod.yaml:9:17: error: production.services.web.source.repo: set only one of image, repo (or none),"
                        + " not image and repo",
                "prod.yaml:10:35: error: production.services.web.deploy.multiRegionConfig: set only one of region,"
                        + " multiRegionConfig (or none), not region and multiRegionConfig",
                "prod.yaml:12:33: error: production.services.job.source.branch: source.branch needs source.repo"
                        + " (an image has no branch)"));
    }

    @Test
    void requiredVariablesAndReservedNames() {
        assertThat(messagesFor("""
                sharedVariables: { RAILWAY_TOKEN: x }
                services:
                  web: { requiredVariables: [SENTRY_DSN] }
                """)).isEqualTo(String.join("\n",
                "prod.yaml:7:22: error: production.sharedVariables.RAILWAY_TOKEN: RAILWAY_TOKEN is one of Railway's"
                        + " own variables (names starting with RAILWAY_ are reserved); choose another name",
                "prod.yaml:9:32: error: production.services.web.requiredVariables[0]: required variable SENTRY_DSN"
                        + " is not declared for service web in environment production; production refuses to"
                        + " proceed until services.web.variables.SENTRY_DSN is set"));
    }

    @Test
    void databaseReferencesAndMigrations() {
        write(root, "migrations/V1__x.sql", "select 1;");
        assertThat(messagesFor("""
                databases:
                  a:
                    service: pg
                    url: { secretRef: A_URL }
                    migrations: { path: migrations, command: migrate }
                  b:
                    url: { secretRef: B_URL }
                    migrations: { path: ../outside }
                  c:
                    url: { secretRef: C_URL }
                    migrations: { command: migrate, service: api }
                  d:
                    url: { secretRef: D_URL }
                    migrations: { dryRunFirst: true }
                """)).isEqualTo(String.join("\n",
                "prod.yaml:9:7: error: production.databases.a.service: unknown service \"pg\"; services in"
                        + " production: web",
                "prod.yaml:11:7: error: production.databases.a.migrations: migrations.command needs"
                        + " migrations.service: the service whose pre-deploy command runs it",
                "prod.yaml:11:39: error: production.databases.a.migrations.command: set only one of path, command,"
                        + " not path and command",
                "prod.yaml:14:21: error: production.databases.b.migrations.path: migrations path \"../outside\" is"
                        + " not a directory below the desired-state directory",
                "prod.yaml:17:39: error: production.databases.c.migrations.service: unknown service \"api\";"
                        + " services in production: web",
                "prod.yaml:20:19: error: production.databases.d.migrations: set one of path, command"));
    }

    @Test
    void projectsAndEnvironmentsAcrossFiles() {
        write(root, "project.yaml", Trees.PROJECT);
        write(root, "project-copy.yaml", Trees.PROJECT);
        write(root, "a.yaml", environment("production", "{}"));
        write(root, "b.yaml", environment("production", "{}"));
        write(root, "c.yaml", environment("staging", "{}").replace("project: shop", "project: shpo"));

        assertThat(rendered(root)).containsExactly(
                "b.yaml:4:9: error: production: environment production of project shop is already declared at"
                        + " a.yaml:4:9",
                "c.yaml:5:12: error: staging.metadata.project: unknown project \"shpo\"; did you mean shop?",
                "project.yaml:4:9: error: shop: project shop is already declared at project-copy.yaml:4:9");
    }

    @Test
    void requiredFieldsAreCheckedOnceMerged() {
        write(root, "project.yaml", Trees.PROJECT + "    databases:\n      main: { service: web }\n");
        write(root, "prod.yaml", environment("production", "databases: { main: { url: { secretRef: DB } } }"));
        write(root, "dev.yaml", environment("dev", "{}"));

        assertThat(rendered(root)).containsExactly(
                "project.yaml:12:13: error: dev.databases.main.url: missing required key \"url\"");
    }
}
