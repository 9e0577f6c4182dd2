package dev.switchman.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules every test follows, read from the test sources: a test that boots Quarkus is an {@code *IT}
 * (failsafe runs it with the integration tests, and surefire does not), test methods are camelCase, and
 * integration tests use the JVM's one PostgreSQL ({@link TestPostgres}) instead of servers of their own. The
 * tests of every module follow them, so this reads each module's {@code src/test/java}.
 */
class TestConventionsTest {

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
        assertThat(sourcesWhere(file -> BOOTS_QUARKUS.matcher(read(file)).find() && !name(file).endsWith("IT.java")))
                .as("@QuarkusTest classes whose name does not end in IT (surefire would run them)").isEmpty();
    }

    @Test
    void anIntegrationTestsNameDoesNotAlsoMatchWhatSurefireRuns() {
        assertThat(sourcesWhere(file -> name(file).endsWith("IT.java") && name(file).startsWith("Test")))
                .as("*IT classes named Test* (surefire's Test*.java would run them with the unit tests too)").isEmpty();
    }

    @Test
    void theRulesReadTheTestsOfEveryModule() {
        Path root = RepositoryRoot.path();
        assertThat(testSources().stream().map(file -> root.relativize(file).getName(0).toString()).distinct())
                .containsExactlyInAnyOrder("app", "sandbox");
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
                    snakeCase.add(name(file) + ": " + method.group(2));
                }
            }
        }
        assertThat(methods).as("test methods found").isGreaterThan(100);
        assertThat(snakeCase).as("test methods named in snake_case").isEmpty();
    }

    @Test
    void integrationTestsShareTheJvmsPostgresql() {
        assertThat(sourcesWhere(file -> STARTS_A_SERVER.matcher(read(file)).find()
                && TEST_METHOD.matcher(read(file)).find() && !STARTS_POSTGRES.contains(name(file))))
                .as("tests that start a PostgreSQL server of their own instead of using TestPostgres").isEmpty();
    }

    /** The test sources that break {@code rule}, relative to the repository. */
    private static List<String> sourcesWhere(Predicate<Path> rule) {
        Path root = RepositoryRoot.path();
        return testSources().stream().filter(rule).map(file -> root.relativize(file).toString()).toList();
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static List<Path> testSources() {
        List<Path> sources = new ArrayList<>();
        for (Path module : RepositoryRoot.modules()) {
            Path tests = module.resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                List<Path> found = files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
                assertThat(found).as("test sources under " + tests).isNotEmpty();
                sources.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(sources).as("test sources of the modules " + RepositoryRoot.modules()).isNotEmpty();
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
