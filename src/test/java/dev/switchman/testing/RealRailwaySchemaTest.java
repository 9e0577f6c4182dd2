package dev.switchman.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealRailwaySchemaTest {

    @TempDir
    Path machine;

    @Test
    void theSchemaBesideTheCheckoutOrAFolderAboveItIsFound() throws IOException {
        Path schema = Files.createDirectories(machine.resolve("shared/railway-api")).resolve("schema.json");
        Files.writeString(schema, "{}");
        Path checkout = Files.createDirectories(machine.resolve("switchman"));
        Path module = Files.createDirectories(checkout.resolve("switchman-sandbox"));

        assertThat(RealRailwaySchema.find("a test", checkout, Map.of("CI", "true"))).contains(schema);
        assertThat(RealRailwaySchema.find("a test", module, Map.of())).contains(schema);
    }

    @Test
    void aMissingSchemaComparesNothingOutsideCiAndFailsInCi() throws IOException {
        Path checkout = Files.createDirectories(machine.resolve("switchman"));

        assertThat(RealRailwaySchema.find("a test", checkout, Map.of())).isEmpty();
        assertThat(RealRailwaySchema.find("a test", checkout, Map.of("CI", "false"))).isEmpty();
        assertThatThrownBy(() -> RealRailwaySchema.find("a test", checkout, Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a test: Railway's real schema is missing")
                .hasMessageContaining("CI is set");
        assertThatThrownBy(() -> RealRailwaySchema.find("a test", checkout, Map.of("CI", "1")))
                .isInstanceOf(AssertionError.class);
    }
}
