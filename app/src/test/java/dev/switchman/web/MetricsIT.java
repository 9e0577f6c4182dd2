package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesRegex;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsIT {

    @Inject
    DesiredStateHolder holder;

    private static String metric(String nameAndTags, String value) {
        return "(?s).*\\n" + nameAndTags + " " + value + "\\n.*";
    }

    @Test
    void desiredStateMetricsDescribeTheLatestLoad() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();

        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex(metric("switchman_desired_state_valid(\\{[^}]*})?", "1\\.0")))
                .body(matchesRegex(metric("switchman_desired_state_errors(\\{[^}]*})?", "0\\.0")))
                .body(matchesRegex(metric("switchman_environments_declared(\\{[^}]*})?", "2\\.0")))
                .body(matchesRegex(metric("switchman_desired_state_loads_total\\{[^}]*result=\"valid\"[^}]*}", "[1-9][0-9]*\\.0")));

        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.INVALID);
        holder.poll();

        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex(metric("switchman_desired_state_valid(\\{[^}]*})?", "0\\.0")))
                .body(matchesRegex(metric("switchman_desired_state_errors(\\{[^}]*})?", "[1-9][0-9]*\\.0")))
                .body(matchesRegex(metric("switchman_environments_declared(\\{[^}]*})?", "2\\.0")));
    }
}
