package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthIT {

    @Inject
    DesiredStateHolder holder;

    @BeforeEach
    void loadValidState() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();
    }

    @Test
    void readyWithAWorkingStoreAndAValidDesiredState() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'state-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'desired-state' }.data.environments", equalTo(2))
                .body("checks.find { it.name == 'desired-state' }.data.errors", equalTo(0))
                .body("checks.find { it.name == 'desired-state' }.data.revision",
                        equalTo(holder.status().inForce().revision()));
    }

    @Test
    void stillReadyWhenALaterRevisionIsInvalidButSaysSo() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.INVALID);
        holder.poll();

        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'desired-state' }.data.errors", greaterThan(0))
                .body("checks.find { it.name == 'desired-state' }.data.invalidRevision",
                        equalTo(holder.status().latestRevision()));
    }

    @Test
    void readinessNamesTheRailwayEndpointAndSaysThatNoTokenIsSet() {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'railway' }.data.apiUrl", notNullValue())
                .body("checks.find { it.name == 'railway' }.data.token",
                        startsWith("missing: set RAILWAY_TOKEN (a project token) or RAILWAY_API_TOKEN"));
    }

    @Test
    void liveWhileThePollRunsAndStartedOnceMigratedAndLoaded() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("checks.find { it.name == 'loop' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'loop' }.data.lastPoll", notNullValue());
        given().when().get("/q/health/started").then()
                .statusCode(200)
                .body("checks.find { it.name == 'startup' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'startup' }.data.pendingMigrations", equalTo(0));
    }
}
