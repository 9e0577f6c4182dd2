package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticScopeTest {

    @TempDir
    Path root;

    private DesiredState valid() {
        Trees.write(root, "shop/project.yaml", Trees.PROJECT);
        Trees.write(root, "shop/production.yaml", Trees.environment("production", "services:\n  web: {}\n"));
        Trees.write(root, "shop/staging.yaml", Trees.environment("staging", "services:\n  web: {}\n"));
        Trees.write(root, "blog/project.yaml", Trees.PROJECT.replace("name: shop", "name: blog"));
        Trees.write(root, "blog/production.yaml", Trees.environment("production", "services:\n  web: {}\n")
                .replace("project: shop", "project: blog"));
        DesiredState state = DesiredStateLoader.load(root).state();
        assertThat(state).as(Trees.rendered(root).toString()).isNotNull();
        return state;
    }

    private List<String> concerning(DesiredState inForce, String environment) {
        return DiagnosticScope.errorsConcerning(DesiredStateLoader.load(root).diagnostics(),
                inForce.environment(environment).orElseThrow(), inForce.environments());
    }

    @Test
    void anErrorInAnEnvironmentsFileConcernsThatEnvironmentAlone() {
        DesiredState inForce = valid();

        Trees.write(root, "shop/staging.yaml", Trees.environment("staging", "services:\n  web: {deploy: {numReplica: 2}}\n"));

        assertThat(concerning(inForce, "shop/staging")).singleElement().asString().startsWith("shop/staging.yaml:");
        assertThat(concerning(inForce, "shop/production")).isEmpty();
        assertThat(concerning(inForce, "blog/production")).isEmpty();
    }

    @Test
    void anErrorInAProjectsDefaultsConcernsEveryEnvironmentThatInheritsThem() {
        DesiredState inForce = valid();

        Trees.write(root, "shop/project.yaml", Trees.PROJECT.replace("healthcheckTimeout: 30", "healthcheckTimeout: -1"));

        assertThat(concerning(inForce, "shop/production")).isNotEmpty();
        assertThat(concerning(inForce, "shop/staging")).isNotEmpty();
        assertThat(concerning(inForce, "blog/production")).isEmpty();
    }

    @Test
    void aFileBrokenBeyondReadingConcernsTheEnvironmentsBesideIt() {
        DesiredState inForce = valid();

        Trees.write(root, "blog/preview.yaml", "kind: [unclosed\n");

        assertThat(concerning(inForce, "blog/production")).singleElement().asString().startsWith("blog/preview.yaml:");
        assertThat(concerning(inForce, "shop/production")).isEmpty();
    }
}
