package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every route of the status API, with a summary, its answers and the token it needs. */
@QuarkusTest
class OpenApiIT {

    private static final String ENVIRONMENT = "paths.'/api/v1/environments/{name}'";

    @Test
    void everyRouteIsDescribed() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Switchman status API"))
                .body("paths.keySet()", hasItems("/api/v1/environments", "/api/v1/environments/{name}",
                        "/api/v1/environments/{name}/history", "/api/v1/environments/{name}/backups",
                        "/api/v1/environments/{name}/migrations", "/api/v1/environments/{name}/reconcile",
                        "/api/v1/environments/{name}/suspend", "/api/v1/environments/{name}/resume",
                        "/api/v1/webhooks/git"))
                .body("paths.'/api/v1/environments'.get.summary", equalTo("Every declared environment"))
                .body(ENVIRONMENT + ".get.summary", equalTo("One environment in full"))
                .body(ENVIRONMENT + ".get.responses", hasKey("404"))
                .body("paths.'/api/v1/environments/{name}/history'.get.summary", notNullValue())
                .body("paths.'/api/v1/environments/{name}/backups'.get.summary", notNullValue())
                .body("paths.'/api/v1/environments/{name}/migrations'.get.summary", notNullValue())
                .body("paths.'/api/v1/environments/{name}/reconcile'.post.responses", hasKey("202"))
                .body("paths.'/api/v1/environments/{name}/reconcile'.post.responses", hasKey("403"))
                .body("paths.'/api/v1/environments/{name}/suspend'.post.security[0]", hasKey("apiToken"))
                .body("paths.'/api/v1/webhooks/git'.post.summary", equalTo("Git push webhook"))
                .body("components.securitySchemes.apiToken.scheme", equalTo("bearer"));
    }
}
