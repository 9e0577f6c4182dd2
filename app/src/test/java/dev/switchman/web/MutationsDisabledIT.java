package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without switchman.api.token the mutating endpoints are off, whatever is sent. */
@QuarkusTest
class MutationsDisabledIT {

    @Inject
    DesiredStateHolder holder;

    @Inject
    EnvironmentControlRepository controls;

    @Test
    void withoutAConfiguredTokenMutationsAreForbiddenWithAClearMessage() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();

        given().header("Authorization", "Bearer anything").when()
                .post("/api/v1/environments/{name}/suspend", "shop/staging").then().statusCode(403)
                .body("reason", equalTo("MutationsDisabled"))
                .body("message", containsString("SWITCHMAN_API_TOKEN"));

        assertThat(controls.find("shop", "staging").filter(c -> c.suspended())).isEmpty();
    }
}
