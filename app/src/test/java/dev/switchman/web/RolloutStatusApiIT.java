package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.Quarantine;
import dev.switchman.store.RolloutRepository;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rollouts and the quarantine show in an environment's detail and history. */
@QuarkusTest
@TestProfile(ApiTokenProfile.class)
class RolloutStatusApiIT {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    DesiredStateHolder holder;

    @Inject
    RolloutRepository rollouts;

    @Test
    void theLastRolloutItsRollbackTargetAndTheQuarantineAreShown() {
        DesiredStateFiles.replace(holder.root(), DesiredStateFiles.VALID);
        holder.poll();
        long id = rollouts.start("shop", "production", "rev-bad", "[{\"service\":\"web\",\"deploymentId\":\"d-2\"}]", T0);
        rollouts.update(id, "RolledBack", "Failed", "web: check health failed 3 time(s) in a row: HTTP 503",
                "[{\"service\":\"web\",\"deploymentId\":\"d-2\",\"rollbackTarget\":\"d-1\",\"rollbackDeploymentId\":\"d-3\"}]",
                T0.plusSeconds(60));
        rollouts.quarantine(new Quarantine("shop", "production", "rev-bad", "web: check health failed", T0.plusSeconds(60)));

        given().when().get("/api/v1/environments/{name}", "shop/production").then().statusCode(200)
                .body("lastRollout.revision", equalTo("rev-bad"))
                .body("lastRollout.state", equalTo("RolledBack"))
                .body("lastRollout.verdict", equalTo("Failed"))
                .body("lastRollout.services[0].deploymentId", equalTo("d-2"))
                .body("lastRollout.services[0].rollbackTarget", equalTo("d-1"))
                .body("quarantine.revision", equalTo("rev-bad"));
        given().when().get("/api/v1/environments/{name}/history", "shop/production").then().statusCode(200)
                .body("rollouts.id", hasItem((int) id));
        rollouts.lift("shop", "production");
    }
}
