package dev.switchman;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.switchman.cli.SwitchmanCommand;
import dev.switchman.sandbox.RailwaySandbox;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Railway sandbox is a module of its own and the only user of graphql-java: the application's classes
 * use no graphql-java class, none of them is a sandbox class, and graphql-java reaches the application only
 * through switchman-sandbox. The Maven build writes that last path ({@code target/graphql-java-paths.txt},
 * {@code dependency:tree} of the runtime scope filtered to graphql-java's group, see app/pom.xml).
 */
class ModuleSplitTest {

    private static final Path GRAPHQL_JAVA_PATHS = Path.of("target/graphql-java-paths.txt");

    @Test
    void noClassOfTheApplicationUsesGraphqlJava() throws URISyntaxException {
        JavaClasses application = applicationClasses();

        assertThat(application.stream().map(JavaClass::getName)).contains(SwitchmanCommand.class.getName());
        assertThat(noClasses().should().dependOnClassesThat().resideInAPackage("graphql..").evaluate(application)
                .getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void theSandboxComesFromItsOwnModule() throws URISyntaxException {
        assertThat(applicationClasses().stream().map(JavaClass::getPackageName))
                .noneMatch(name -> name.startsWith(RailwaySandbox.class.getPackageName()));
        assertThat(location(RailwaySandbox.class)).isNotEqualTo(location(SwitchmanCommand.class));
    }

    @Test
    void graphqlJavaReachesTheApplicationOnlyThroughTheSandbox() throws IOException {
        assertThat(GRAPHQL_JAVA_PATHS).as("written by the build (mvnw test), before the tests").isRegularFile();
        List<String> lines = Files.readAllLines(GRAPHQL_JAVA_PATHS);

        assertThat(lines).as("the runtime dependency tree").anyMatch(line -> line.contains("com.graphql-java:graphql-java:"));
        // the tree's second level: the application's own dependencies on the way to graphql-java
        List<String> direct = lines.stream().filter(line -> line.startsWith("+- ") || line.startsWith("\\- "))
                .map(line -> line.substring(3)).toList();
        assertThat(direct).isNotEmpty().allMatch(dependency -> dependency.startsWith("dev.switchman:switchman-sandbox:"));
    }

    /** The application module's compiled classes, wherever this test runs. */
    private static JavaClasses applicationClasses() throws URISyntaxException {
        return new ClassFileImporter().importPath(location(SwitchmanCommand.class));
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
