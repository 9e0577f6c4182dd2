package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.switchman.reconcile.DesiredStateHolder;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EnvironmentsResourceIT {

    @Inject
    DesiredStateHolder holder;

    @Test
    void listsTheEnvironmentsTheYamlDeclares() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        String revision = holder.poll().inForce().revision();

        given().when().get("/api/v1/environments").then().statusCode(200)
                .body("name", containsInAnyOrder("production", "staging"))
                .body("project", everyItem(equalTo("shop")))
                .body("revision", everyItem(equalTo(revision)))
                .body("find { it.name == 'production' }.services", equalTo(2))
                .body("find { it.name == 'staging' }.services", equalTo(1));
    }
}
