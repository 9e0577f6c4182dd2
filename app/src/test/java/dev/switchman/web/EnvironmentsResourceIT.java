package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.switchman.desired.DesiredState;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnvironmentsResourceIT {

    @Inject
    DesiredStateHolder holder;

    @Test
    void listsTheEnvironmentsTheYamlDeclares() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        DesiredState state = holder.poll().inForce();

        given().when().get("/api/v1/environments").then().statusCode(200)
                .body("name", containsInAnyOrder("production", "staging"))
                .body("project", everyItem(equalTo("shop")))
                .body("provenance", everyItem(equalTo(state.revision())))
                .body("find { it.name == 'production' }.revision",
                        equalTo(state.fingerprint(state.environment("shop/production").orElseThrow())))
                .body("find { it.name == 'staging' }.revision",
                        equalTo(state.fingerprint(state.environment("shop/staging").orElseThrow())))
                .body("find { it.name == 'production' }.services", equalTo(2))
                .body("find { it.name == 'staging' }.services", equalTo(1));
    }
}
