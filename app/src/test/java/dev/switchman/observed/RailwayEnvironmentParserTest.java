package dev.switchman.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RailwayEnvironmentParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode recorded() throws IOException {
        try (InputStream in = RailwayEnvironmentParserTest.class.getResourceAsStream("/observed/environment-state.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void readsTheEnvironmentFromTheWholeResponseAndFromItsDataEnvironmentObject() throws IOException {
        JsonNode response = recorded();
        ObservedEnvironment whole = RailwayEnvironmentParser.parse(response);
        ObservedEnvironment inner = RailwayEnvironmentParser.parse(response.path("data").path("environment"));
        assertThat(inner).isEqualTo(whole);
        assertThat(whole.name()).isEqualTo("production");
        assertThat(whole.configEtag()).isEqualTo("b1946ac92492d2347c6235b4d2611184");
        assertThat(whole.unmergedChangesCount()).isEqualTo(2);
        assertThat(whole.services()).containsOnlyKeys("backend", "postgres");
    }

    @Test
    void mapsSettingsToDesiredStatePathsFromConfigAndServiceInstance() throws IOException {
        Map<String, Object> settings = RailwayEnvironmentParser.parse(recorded()).services().get("backend").settings();
        assertThat(settings)
                .containsEntry("source.repo", "acme/django-api")
                .containsEntry("source.branch", "release")
                .containsEntry("source.rootDirectory", "/backend")
                .containsEntry("build.builder", "DOCKERFILE")
                .containsEntry("build.dockerfilePath", "backend/Dockerfile")
                .containsEntry("build.watchPatterns", List.of("backend/**"))
                .containsEntry("deploy.startCommand", "daphne config.asgi:application")
                .containsEntry("deploy.preDeployCommand", List.of("python manage.py migrate --no-input"))
                .containsEntry("deploy.healthcheckPath", "/api/v1/health/ready/")
                .containsEntry("deploy.healthcheckTimeout", 120)
                .containsEntry("deploy.restartPolicyType", "ON_FAILURE")
                .containsEntry("deploy.restartPolicyMaxRetries", 10)
                .containsEntry("deploy.numReplicas", 3)
                .containsEntry("deploy.region", "us-west2")
                .containsEntry("deploy.multiRegionConfig", Map.of("us-west2", 2, "europe-west4", 1))
                .containsEntry("deploy.sleepApplication", false)
                .containsEntry("deploy.overlapSeconds", 30)
                .containsEntry("deploy.drainingSeconds", 10)
                .containsEntry("deploy.limits.vCPUs", 2)
                .containsEntry("deploy.limits.memoryGB", 4.0)
                .doesNotContainKeys("source.image", "deploy.cronSchedule", "build.buildCommand");
    }

    @Test
    void sealedVariablesHaveNoValueAndStagedDeletionsAreSkipped() throws IOException {
        ObservedEnvironment environment = RailwayEnvironmentParser.parse(recorded());
        Map<String, ObservedVariable> variables = environment.services().get("backend").variables();
        assertThat(variables).containsOnlyKeys("SECRET_KEY", "DJANGO_SETTINGS_MODULE");
        assertThat(variables.get("SECRET_KEY")).isEqualTo(new ObservedVariable(null, true));
        assertThat(variables.get("DJANGO_SETTINGS_MODULE")).isEqualTo(ObservedVariable.of("config.settings.production"));
        assertThat(environment.sharedVariables()).containsOnly(Map.entry("LOG_LEVEL", ObservedVariable.of("info")));
    }

    @Test
    void keepsAnUnknownDeploymentStatusAsWrittenAndReadsMeta() throws IOException {
        ObservedService backend = RailwayEnvironmentParser.parse(recorded()).services().get("backend");
        ObservedDeployment deployment = backend.latestDeployment();
        assertThat(deployment.status()).isEqualTo("SOMETHING_NEW");
        assertThat(deployment.createdAt()).hasToString("2026-09-01T10:01:55.020Z");
        assertThat(deployment.canRollback()).isTrue();
        assertThat(deployment.meta()).containsEntry("commitHash", "9f2c1e4")
                .containsEntry("serviceManifest", Map.of("deploy", Map.of("numReplicas", 3)));
        assertThat(RailwayEnvironmentParser.parse(recorded()).services().get("postgres").latestDeployment()).isNull();
    }

    @Test
    void attachesVolumesWithTheirBackupSchedules() throws IOException {
        ObservedService postgres = RailwayEnvironmentParser.parse(recorded()).services().get("postgres");
        assertThat(postgres.volume().mountPath()).isEqualTo("/var/lib/postgresql/data");
        assertThat(postgres.volume().state()).isEqualTo("READY");
        assertThat(postgres.volume().sizeMB()).isEqualTo(5000);
        assertThat(postgres.volume().backupSchedules()).isEqualTo(Set.of("DAILY", "WEEKLY"));
        assertThat(postgres.settings()).containsEntry("source.image", "ghcr.io/railwayapp-templates/postgres-ssl:16");
    }

    @Test
    void anErrorAnswerIsRejectedRatherThanReadAsAnEmptyEnvironment() throws IOException {
        JsonNode error = JSON.readTree("{\"data\":null,\"errors\":[{\"message\":\"Not Authorized\"}]}");
        assertThatThrownBy(() -> RailwayEnvironmentParser.parse(error)).isInstanceOf(IllegalArgumentException.class);
    }
}
