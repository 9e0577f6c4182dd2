package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFingerprintTest {

    private static final String PRODUCTION = """
            databases:
              main:
                url: { secretRef: DATABASE_URL }
                migrations: { path: migrations }
            services:
              web:
                variables: { MODE: live }
            """;

    @TempDir
    Path root;

    @BeforeEach
    void tree() {
        Trees.write(root, "shop/project.yaml", Trees.PROJECT);
        Trees.write(root, "shop/production.yaml", Trees.environment("production", PRODUCTION));
        Trees.write(root, "shop/staging.yaml", Trees.environment("staging", "services:\n  web: {}\n"));
        Trees.write(root, "shop/migrations/V1__init.sql", "create table orders (id bigint);\n");
    }

    private String fingerprint(String environment) {
        DesiredState state = DesiredStateLoader.load(root).state();
        assertThat(state).as(Trees.rendered(root).toString()).isNotNull();
        return state.fingerprint(state.environment(environment).orElseThrow());
    }

    @Test
    void aChangeToAnotherEnvironmentOrFileLeavesItButChangesTheTreeRevision() {
        String production = fingerprint("shop/production");
        String revision = DesiredStateLoader.load(root).state().revision();

        Trees.write(root, "shop/staging.yaml", Trees.environment("staging", "services:\n  web: {deploy: {numReplicas: 3}}\n"));
        Trees.write(root, "README.md", "a note nobody deploys\n");

        assertThat(fingerprint("shop/production")).isEqualTo(production);
        assertThat(DesiredStateLoader.load(root).state().revision()).isNotEqualTo(revision);
    }

    @Test
    void commentsAndTheOrderOfKeysAreNotAChange() {
        String production = fingerprint("shop/production");

        Trees.write(root, "shop/production.yaml", "# reviewed by ops\n" + Trees.environment("production", """
                services:
                  web:
                    variables: { MODE: live }   # the only mode we run
                databases:
                  main:
                    migrations: { path: migrations }
                    url: { secretRef: DATABASE_URL }
                """));

        assertThat(fingerprint("shop/production")).isEqualTo(production);
    }

    @Test
    void aValueItDeclaresOrInheritsFromItsProjectIsAChange() {
        String production = fingerprint("shop/production");
        String staging = fingerprint("shop/staging");

        Trees.write(root, "shop/project.yaml", Trees.PROJECT.replace("healthcheckTimeout: 30", "healthcheckTimeout: 60"));

        assertThat(fingerprint("shop/production")).isNotEqualTo(production);
        assertThat(fingerprint("shop/staging")).isNotEqualTo(staging);
    }

    @Test
    void aChangedMigrationScriptItRefersToIsAChangeOfThatEnvironmentOnly() {
        String production = fingerprint("shop/production");
        String staging = fingerprint("shop/staging");

        Trees.write(root, "shop/migrations/V1__init.sql", "create table orders (id bigint primary key);\n");

        assertThat(fingerprint("shop/production")).isNotEqualTo(production);
        assertThat(fingerprint("shop/staging")).isEqualTo(staging);
    }
}
