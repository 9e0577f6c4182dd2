package dev.switchman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pure core (desired, observed, plan, and the setting catalog) imports nothing from Quarkus, jakarta, HTTP or JDBC. */
class PureCoreImportsTest {

    private static final List<String> FORBIDDEN = List.of("io.quarkus", "jakarta", "io.vertx", "org.jboss",
            "java.net.http", "java.sql", "javax.sql", "org.eclipse.microprofile", "io.smallrye");

    @Test
    void pureCorePackagesImportNoFrameworkHttpOrJdbc() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).as("the pure core's sources were found").isNotEmpty();
        List<String> offending = sources.stream().flatMap(PureCoreImportsTest::forbiddenImports).toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void theCheckRecognisesAForbiddenImport() {
        assertThat(isForbidden("import io.quarkus.runtime.Startup;")).isTrue();
        assertThat(isForbidden("import static java.sql.DriverManager.getConnection;")).isTrue();
        assertThat(isForbidden("import java.net.http.HttpClient;")).isTrue();
        assertThat(isForbidden("import java.net.URI;")).isFalse();
        assertThat(isForbidden("import com.fasterxml.jackson.databind.JsonNode;")).isFalse();
    }

    private static List<Path> sources() throws IOException {
        Path base = Path.of("src/main/java/dev/switchman");
        try (Stream<Path> files = Stream.of("desired", "observed", "plan", "settings").map(base::resolve)
                .filter(Files::isDirectory).flatMap(PureCoreImportsTest::walk)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> forbiddenImports(Path source) {
        try {
            return Files.readAllLines(source).stream().filter(PureCoreImportsTest::isForbidden)
                    .map(line -> source + ": " + line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isForbidden(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("import ")) {
            return false;
        }
        String imported = trimmed.substring("import ".length()).replaceFirst("^static ", "").strip();
        return FORBIDDEN.stream().anyMatch(prefix -> imported.startsWith(prefix + "."));
    }
}
