package dev.switchman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules every test follows, read from the test sources: a test that boots Quarkus is an {@code *IT}
 * (failsafe runs it, with the integration tests), test methods are camelCase, and integration tests use
 * the JVM's one PostgreSQL ({@link TestPostgres}) instead of starting servers of their own.
 */
class TestConventionsTest {

    private static final Path SOURCES = Path.of("src/test/java");
    private static final Pattern BOOTS_QUARKUS = Pattern.compile("^@Quarkus(Main|Integration)?Test\\b", Pattern.MULTILINE);
    /** From a test annotation to the first method after it, whatever annotations with arguments lie between. */
    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b.*?\\bvoid\\s+(\\w+)\\s*\\(",
            Pattern.DOTALL);
    private static final Pattern STARTS_A_SERVER = Pattern.compile("EmbeddedPostgres\\.start");
    /** The one test that starts servers of its own: the test of the server class. */
    private static final Set<String> STARTS_POSTGRES = Set.of("EmbeddedPostgresIT.java");

    @Test
    void aTestThatBootsQuarkusIsAnIntegrationTest() {
        List<String> misnamed = new ArrayList<>();
        for (Path file : testSources()) {
            if (BOOTS_QUARKUS.matcher(read(file)).find() && !file.getFileName().toString().endsWith("IT.java")) {
                misnamed.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(misnamed).as("@QuarkusTest classes whose name does not end in IT (surefire would run them)")
                .isEmpty();
    }

    @Test
    void testMethodsAreCamelCase() {
        List<String> snakeCase = new ArrayList<>();
        int methods = 0;
        for (Path file : testSources()) {
            Matcher method = TEST_METHOD.matcher(read(file));
            while (method.find()) {
                methods++;
                if (method.group(2).contains("_")) {
                    snakeCase.add(file.getFileName() + ": " + method.group(2));
                }
            }
        }
        assertThat(methods).as("test methods found").isGreaterThan(100);
        assertThat(snakeCase).as("test methods named in snake_case").isEmpty();
    }

    @Test
    void integrationTestsShareTheJvmsPostgresql() {
        List<String> ownServers = new ArrayList<>();
        for (Path file : testSources()) {
            String source = read(file);
            if (STARTS_A_SERVER.matcher(source).find() && TEST_METHOD.matcher(source).find()
                    && !STARTS_POSTGRES.contains(file.getFileName().toString())) {
                ownServers.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(ownServers).as("tests that start a PostgreSQL server of their own instead of using TestPostgres")
                .isEmpty();
    }

    private static List<Path> testSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            assertThat(sources).as("test sources under " + SOURCES.toAbsolutePath()).isNotEmpty();
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
