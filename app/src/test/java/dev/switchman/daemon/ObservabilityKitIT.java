package dev.switchman.daemon;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.testing.Eventually;
import dev.switchman.testing.RepositoryRoot;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The operations kit in deploy/observability names only metrics the daemon serves: every {@code switchman_*}
 * name in the Grafana dashboard's queries and the Prometheus rules' expressions appears in /q/metrics of the
 * daemon running the examples against the sandbox.
 */
@QuarkusTest
@TestProfile(SandboxDaemonProfile.class)
class ObservabilityKitIT {

    private static final Path KIT = RepositoryRoot.resolve("deploy/observability");
    private static final Pattern METRIC = Pattern.compile("\\bswitchman_[a-z_]+\\b");
    private static final Set<String> ALERTS = Set.of("SwitchmanEnvironmentStalled", "SwitchmanRollbackHappened",
            "SwitchmanNoVerifiedBackup", "SwitchmanRailwayBudgetLow", "SwitchmanLoopNotLive");

    @Test
    void everyMetricTheDashboardAndTheRulesNameIsServed() throws IOException {
        Set<String> named = new TreeSet<>();
        dashboardQueries().forEach(query -> named.addAll(metrics(query)));
        rules().values().forEach(expression -> named.addAll(metrics(expression)));
        assertThat(named).as("the kit's metrics").hasSizeGreaterThan(15)
                .contains("switchman_environment_condition", "switchman_backup_last_verified_age_seconds");

        List<String> missing = new ArrayList<>();
        Eventually.until("every metric of the kit in /q/metrics", Duration.ofSeconds(120), () -> {
            Set<String> served = served();
            missing.clear();
            named.stream().filter(name -> !served.contains(name)).forEach(missing::add);
            return missing.isEmpty();
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void theRulesCoverTheAlertsOperatorsAskedFor() throws IOException {
        assertThat(rules().keySet()).containsExactlyInAnyOrderElementsOf(ALERTS);
    }

    private static Set<String> served() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(line -> line.startsWith("switchman_"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    private static Set<String> metrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(KIT.resolve("switchman-dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));
        assertThat(queries).as("the dashboard's queries").hasSizeGreaterThan(10);
        return queries;
    }

    /** Alert name -> expression. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> rules() throws IOException {
        Map<String, Object> file = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(KIT.resolve("switchman-alerts.yaml")));
        Map<String, String> rules = new LinkedHashMap<>();
        for (Object group : (List<Object>) file.get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                Map<String, Object> r = (Map<String, Object>) rule;
                rules.put(String.valueOf(r.get("alert")), String.valueOf(r.get("expr")));
            }
        }
        return rules;
    }
}
