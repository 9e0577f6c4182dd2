package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.switchman.reconcile.ReconcileLoop;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.testing.DesiredStateFiles;
import dev.switchman.testing.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An invalid file shows on the environments it concerns, through the daemon's own wiring: the holder keeps the
 * last valid state in force, the loop runs the concerned environment at once, and its status (and the API)
 * says {@code DesiredStateInvalid} with every error, while the others stay as they were.
 */
@QuarkusTest
@TestProfile(ShopSandboxProfile.class)
class InvalidDesiredStateStatusIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DesiredStateHolder holder;

    @Inject
    ReconcileLoop loop;

    @Inject
    EnvironmentStatusRepository statuses;

    private Optional<String> readyReason(String environment) {
        return statuses.find("shop", environment).flatMap(s -> s.condition(EnvironmentCondition.READY))
                .map(EnvironmentCondition::reason);
    }

    @Test
    void theEnvironmentWhoseFileBrokeSaysSoWithItsErrorsAndTheOthersDoNot() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();
        loop.tick();
        Eventually.until("both environments ran once", WAIT,
                () -> readyReason("production").isPresent() && readyReason("staging").isPresent());
        String stagingReason = readyReason("staging").orElseThrow();

        Map<String, String> broken = new HashMap<>(DesiredStateFiles.VALID);
        broken.put("shop/production.yaml", DesiredStateFiles.VALID.get("shop/production.yaml") + """
                      deploy:
                        healthcheckTimeout: 99999
                """);
        DesiredStateFiles.replace(holder.root(), broken);
        holder.poll();
        Eventually.until("production says its desired state is invalid", WAIT, () -> {
            loop.tick();
            return readyReason("production").filter("DesiredStateInvalid"::equals).isPresent();
        });

        EnvironmentStatus production = statuses.find("shop", "production").orElseThrow();
        assertThat(production.diagnostics()).singleElement().asString()
                .startsWith("shop/production.yaml:").contains("healthcheckTimeout");
        assertThat(readyReason("staging")).contains(stagingReason);
        given().when().get("/api/v1/environments/{name}", "shop/production").then().statusCode(200)
                .body("conditions[0].reason", equalTo("DesiredStateInvalid"))
                .body("conditions[0].status", equalTo("False"))
                .body("diagnostics", hasSize(1))
                .body("diagnostics[0]", containsString("shop/production.yaml:"))
                .body("desiredRevision", equalTo(holder.current().orElseThrow()
                        .fingerprint(holder.current().orElseThrow().environment("shop/production").orElseThrow())));

        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();
        Eventually.until("production's error is gone from its status", WAIT, () -> {
            loop.tick();
            return statuses.find("shop", "production").map(s -> s.diagnostics().isEmpty()).orElse(false);
        });
    }
}
