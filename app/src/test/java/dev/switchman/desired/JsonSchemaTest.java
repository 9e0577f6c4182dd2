package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The committed schema accepts every example document and rejects what the loader rejects. */
class JsonSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read(SchemaSyncTest.SCHEMA));

    @TempDir
    Path root;

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> documents(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(d -> out.add(MAPPER.valueToTree(d)));
        return out;
    }

    @Test
    void everyExampleDocumentValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RepositoryRoot.resolve("desired-state"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).startsWith("# yaml-language-server: $schema=../../schema/switchman.schema.json");
            for (JsonNode doc : documents(text)) {
                assertThat(SCHEMA.validate(doc)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void invalidDocumentsFailBothTheSchemaAndTheLoader() {
        List<String> invalid = List.of(
                Trees.environment("production", "services: { web: { deploy: { healthcheckTimeout: five } } }"),
                Trees.environment("production", "services: { web: { deploy: { healthCheckPath: /x } } }"),
                Trees.environment("production", "policy: { drift: sometimes }"),
                Trees.environment("production", "services: { web: { verify: { checks: [ { name: a } ] } } }"),
                Trees.environment("production", "databases: { main: { url: postgres://u:p@h/db } }"),
                Trees.environment("production", "services: { web: { verify: { soak: 5 minutes } } }"),
                Trees.environment("production", "services: { web: { verify: { checks: [ { path: /h,"
                        + " json: [ { path: a, equals: 1, oneOf: [1] } ] } ] } } }"),
                "apiVersion: switchman.dev/v1alpha1\nkind: Environment\nmetadata: { name: production }\n");
        for (String yaml : invalid) {
            write(yaml);
            assertThat(SCHEMA.validate(documents(yaml).get(0))).as(yaml).isNotEmpty();
            assertThat(DesiredStateLoader.load(root).hasErrors()).as(yaml).isTrue();
        }
    }

    @Test
    void aWrongValueOfANullableFieldIsOneErrorAtThatField() {
        String yaml = Trees.environment("production", "services: { web: { deploy: { numReplicas: two } } }");

        var errors = SCHEMA.validate(documents(yaml).get(0));

        // with anyOf [integer, null] a validator reports each branch of deploy and of the field; with type
        // [integer, null] one error at the field (the service, a reference, still says it is not null either)
        assertThat(errors).map(e -> e.getInstanceLocation().toString())
                .filteredOn(location -> location.startsWith("$.spec.services.web.deploy"))
                .containsExactly("$.spec.services.web.deploy.numReplicas");
    }

    @Test
    void theSchemaIdIsTheStableOneOfThisLanguageVersion() throws IOException {
        JsonNode schema = MAPPER.readTree(SchemaSyncTest.SCHEMA.toFile());
        assertThat(schema.path("$id").asText()).isEqualTo(LanguageShape.SCHEMA_ID)
                .endsWith("/v1alpha1/switchman.schema.json");
    }

    private void write(String environmentYaml) {
        Trees.write(root, "project.yaml", Trees.PROJECT);
        Trees.write(root, "env.yaml", environmentYaml);
    }
}
