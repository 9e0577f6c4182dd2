package dev.switchman;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph as the package-info files and docs/architecture.md state it: which Switchman packages each
 * package may use ({@link PackageGraph#MAY_USE}), no cycle between any two packages, and a pure core. Read from
 * the compiled classes, so a fully qualified name in code counts as much as an import.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PackageGraph.ROOT);
    }

    @Test
    void everyPackageHasItsPlaceInTheGraph() {
        Set<String> packages = classes.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(PackageGraph.ROOT + "."))
                .map(PackageGraph::shortName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).as("packages with classes").isNotEmpty();
        assertThat(PackageGraph.MAY_USE.keySet()).as("packages the graph places").containsAll(packages);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : PackageGraph.MAY_USE.entrySet()) {
            String[] forbidden = PackageGraph.forbiddenFor(entry.getKey());
            if (forbidden.length == 0) {
                continue;
            }
            EvaluationResult result = noClasses().that().resideInAPackage(PackageGraph.full(entry.getKey()))
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .allowEmptyShould(true).evaluate(classes);
            violations.addAll(result.getFailureReport().getDetails());
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        EvaluationResult result = slices().matching(PackageGraph.ROOT + ".(**)").should().beFreeOfCycles()
                .evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void thePureCoreUsesNoFrameworkHttpOrJdbc() {
        EvaluationResult result = noClasses().that()
                .resideInAnyPackage(PackageGraph.PURE.stream().map(p -> PackageGraph.full(p) + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(PackageGraph.FRAMEWORK_HTTP_JDBC)
                .evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void theRulesCatchTheCyclesThisGraphOnceHad() {
        // config -> railway (the client took all of SwitchmanConfig), desired.yaml -> desired (Diagnostic),
        // backup -> reconcile (the desired-state holder, the leader lock)
        assertThat(PackageGraph.forbiddenFor("config")).contains(PackageGraph.full("railway"));
        assertThat(PackageGraph.forbiddenFor("desired.yaml")).contains(PackageGraph.full("desired"));
        assertThat(PackageGraph.forbiddenFor("desired.shape")).contains(PackageGraph.full("desired"));
        assertThat(PackageGraph.forbiddenFor("backup")).contains(PackageGraph.full("reconcile"));
        assertThat(PackageGraph.forbiddenFor("reconcile")).contains(PackageGraph.full("backup"),
                PackageGraph.full("web"), PackageGraph.full("cli"));
    }
}
