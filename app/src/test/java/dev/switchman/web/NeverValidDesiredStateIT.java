package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesRegex;

import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NeverValidDesiredStateIT.InvalidFromTheStart.class)
class NeverValidDesiredStateIT {

    /** Switchman started on a desired-state directory that has never held a valid tree. */
    public static final class InvalidFromTheStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory("switchman-never-valid-");
                DesiredStateFiles.replace(dir, DesiredStateFiles.INVALID);
                return Map.of("switchman.desired.dir", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void notReadyAndSaysWhy() {
        given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'state-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'desired-state' }.data.environments", equalTo(0))
                .body("checks.find { it.name == 'desired-state' }.data.errors", greaterThan(0))
                .body("checks.find { it.name == 'desired-state' }.data.firstError",
                        containsString("shop/production.yaml:11:"));
    }

    @Test
    void declaresNoEnvironmentAndReportsTheInvalidLoad() {
        given().when().get("/api/v1/environments").then().statusCode(200).body("$", hasSize(0));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*\\nswitchman_desired_state_valid(\\{[^}]*})? 0\\.0\\n.*"))
                .body(matchesRegex("(?s).*\\nswitchman_desired_state_loads_total\\{[^}]*result=\"invalid\"[^}]*} [1-9].*"));
    }
}
