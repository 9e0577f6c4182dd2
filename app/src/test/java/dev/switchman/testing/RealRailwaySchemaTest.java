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

        assertThat(RealRailwaySchema.find("a test", checkout, Map.of())).contains(schema);
        assertThat(RealRailwaySchema.find("a test", module, Map.of())).contains(schema);
    }

    @Test
    void aMissingSchemaComparesNothingUnlessCiRunNamedOne() throws IOException {
        Path checkout = Files.createDirectories(machine.resolve("switchman"));
        Path named = Files.writeString(machine.resolve("schema.json"), "{}");

        // a clone alone (GitHub sets CI on every runner): nothing to compare with, and it says so
        assertThat(RealRailwaySchema.find("a test", checkout, Map.of("CI", "true"))).isEmpty();
        assertThat(RealRailwaySchema.find("a test", checkout, Map.of(RealRailwaySchema.REQUIRED, named.toString())))
                .contains(named);
        assertThatThrownBy(() -> RealRailwaySchema.find("a test", checkout,
                Map.of(RealRailwaySchema.REQUIRED, machine.resolve("gone.json").toString())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("a test: SWITCHMAN_RAILWAY_SCHEMA names");
    }
}
