package dev.switchman.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.rollout.Holds;
import dev.switchman.store.Hold;
import dev.switchman.testing.RepositoryRoot;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;


/**
 * One folder per case under {@code src/test/resources/plan-cases}: {@code case.properties}
 * ({@code environment}, optional {@code revision}, optional {@code desired} = a desired-state tree
 * relative to the repository root, else the case's {@code desired/}), {@code observed.json} (a
 * recorded EnvironmentState response), optional {@code last-applied.json} and
 * {@code secrets.properties}, and the expectations {@code expected.plan} and {@code expected.json}, and
 * {@code expected.decision}: what a run does with the plan ({@link RunDecision}: drift or desired change, written
 * or left, deployments owed), with {@code quarantined=true} and {@code held=service=image} in
 * {@code case.properties} where the environment's fingerprint is quarantined or a service held.
 * Run with {@code -Dswitchman.rewriteGolden=true} to rewrite the expectations, then review the diff.
 */
class PlanGoldenTest {

    static final Path CASES = Path.of("src/test/resources/plan-cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CASES)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planMatchesExpectations(String name) throws IOException {
        Case c = Case.load(CASES.resolve(name));
        Plan plan = c.plan(c.lastApplied, c.observed);
        String text = PlanRenderer.text(plan);
        String json = PlanRenderer.json(plan);
        if (Boolean.getBoolean("switchman.rewriteGolden")) {
            Files.writeString(c.folder.resolve("expected.plan"), text);
            Files.writeString(c.folder.resolve("expected.json"), json);
        }
        assertThat(text).isEqualTo(Files.readString(c.folder.resolve("expected.plan")));
        assertThat(json).isEqualTo(Files.readString(c.folder.resolve("expected.json")));
        for (String secret : c.secretValues.stringPropertyNames()) {
            String value = c.secretValues.getProperty(secret);
            assertThat(text).doesNotContain(value);
            assertThat(json).doesNotContain(value);
            assertThat(plan.toString()).doesNotContain(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whatARunDoesWithThePlanMatchesExpectations(String name) throws IOException {
        Case c = Case.load(CASES.resolve(name));
        Plan plan = c.plan(c.lastApplied, c.observed);
        String text = RunDecision.of(plan, c.desired, c.lastApplied, c.observed, c.secrets, c.quarantined, c.held)
                .render();
        if (Boolean.getBoolean("switchman.rewriteGolden")) {
            Files.writeString(c.folder.resolve("expected.decision"), text);
        }
        assertThat(text).isEqualTo(Files.readString(c.folder.resolve("expected.decision")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planningAgainAfterApplyingFindsNothingToChange(String name) throws IOException {
        // through the apply step's writes and the real parser: a setting either one forgets stays a change
        Case c = Case.load(CASES.resolve(name));
        Plan plan = c.plan(c.lastApplied, c.observed);
        ObservedEnvironment applied = SimulatedApply.apply(plan, c.recorded);
        LastApplied remembered = c.lastApplied.afterApplying(plan, c.desired, c.secrets);
        Plan again = c.plan(remembered, applied);
        assertThat(again.changes()).as(PlanRenderer.text(again)).isEmpty();
        assertThat(again.blockers()).isEqualTo(plan.blockers());
    }

    /** A case's inputs, loaded the way the CLI loads them. */
    record Case(Path folder, String revision, DesiredEnvironment desired, JsonNode recorded,
            ObservedEnvironment observed, LastApplied lastApplied, Properties secretValues, Secrets secrets, boolean quarantined, Set<String> held) {

        static Case load(Path folder) throws IOException {
            Properties properties = properties(folder.resolve("case.properties"));
            Path tree = properties.containsKey("desired")
                    ? RepositoryRoot.resolve(properties.getProperty("desired"))
                    : folder.resolve("desired");
            LoadResult loaded = DesiredStateLoader.load(tree);
            assertThat(loaded.hasErrors()).as(loaded.diagnostics().toString()).isFalse();
            String reference = properties.getProperty("environment");
            DesiredEnvironment declared = loaded.state().environment(reference).orElseThrow(
                    () -> new AssertionError("no environment " + reference + " in " + tree));
            List<Hold> holds = new ArrayList<>();
            String heldProperty = properties.getProperty("held", "");
            for (String entry : heldProperty.isBlank() ? new String[0] : heldProperty.split(",")) {
                String[] parts = entry.split("=", 2);
                holds.add(new Hold(declared.project(), declared.name(), parts[0], "quarantined", "dep-good", parts[1],
                        null, "rolled back", Instant.EPOCH));
            }
            DesiredEnvironment desired = Holds.enforced(declared, holds);
            JsonNode recorded = JSON.readTree(folder.resolve("observed.json").toFile());
            ObservedEnvironment observed = RailwayEnvironmentParser.parse(recorded);
            Path last = folder.resolve("last-applied.json");
            LastApplied lastApplied = Files.exists(last)
                    ? LastAppliedJson.read(JSON.readTree(last.toFile()))
                    : LastApplied.empty();
            Properties secretValues = properties(folder.resolve("secrets.properties"));
            Secrets secrets = secret -> Optional.ofNullable(secretValues.getProperty(secret));
            Set<String> held = new TreeSet<>();
            holds.forEach(h -> held.add(h.service()));
            return new Case(folder, properties.getProperty("revision"), desired, recorded, observed, lastApplied,
                    secretValues, secrets, Boolean.parseBoolean(properties.getProperty("quarantined")), held);
        }

        Plan plan(LastApplied last, ObservedEnvironment current) {
            return Planner.plan(revision, desired, current, last, secrets);
        }

        private static Properties properties(Path file) throws IOException {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            return properties;
        }
    }
}
