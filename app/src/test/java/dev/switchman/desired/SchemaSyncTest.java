package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed JSON Schema is exactly what the language definition generates. */
class SchemaSyncTest {

    static final Path SCHEMA = RepositoryRoot.resolve("schema/switchman.schema.json");

    @Test
    void committedSchemaMatchesTheLanguageDefinition() throws IOException {
        String generated = LanguageShape.jsonSchema();
        if (Boolean.getBoolean("switchman.rewriteSchema")) {
            Files.createDirectories(SCHEMA.getParent());
            Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SCHEMA) ? Files.readString(SCHEMA, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("schema/switchman.schema.json is out of date; regenerate it with"
                        + " ./mvnw -o test -Dtest=SchemaSyncTest -Dswitchman.rewriteSchema=true and review the diff")
                .isEqualTo(generated);
    }
}
