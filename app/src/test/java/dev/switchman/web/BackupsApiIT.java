package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.notNullValue;

import dev.switchman.backup.BackupReason;
import dev.switchman.backup.BackupScheduler;
import dev.switchman.backup.BackupService;
import dev.switchman.testing.BackupTrees;
import dev.switchman.testing.SharedPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daemon's backup schedule and drill on a real database, seen through the status API, metrics, readiness. */
@QuarkusTest
@TestProfile(BackupsApiIT.WithABackedUpDatabase.class)
class BackupsApiIT {

    /** Desired state: acme/production with database shop (on the shared PostgreSQL), daily backup and drill. */
    public static final class WithABackedUpDatabase implements QuarkusTestProfile {
        private static String shop;

        @Override
        public Map<String, String> getConfigOverrides() {
            SharedPostgres postgres = SharedPostgres.get();
            try {
                if (shop == null) {
                    shop = postgres.createEmpty("shop");
                    try (var c = DriverManager.getConnection(postgres.jdbcUrl(shop), postgres.username(), "");
                            var s = c.createStatement()) {
                        s.execute("create table orders (id int); insert into orders select generate_series(1, 50)");
                    }
                }
                Path root = Files.createTempDirectory("switchman-backups-api-");
                BackupTrees.write(root.resolve("desired"), root.resolve("backups"), """
                                drill:
                                  schedule: "0 4 * * *"
                                  checks: [ { table: orders, minRows: 50 } ]
                        """);
                Path secrets = Files.createDirectories(root.resolve("secrets"));
                Files.writeString(secrets.resolve("SHOP_DATABASE_URL"), postgres.databaseUrl(shop));
                return Map.of("switchman.desired.dir", root.resolve("desired").toString(),
                        "switchman.secrets.dir", secrets.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    BackupScheduler scheduler;

    @Inject
    BackupService service;

    @Test
    void aScheduledBackupAndDrillShowInTheApiMetricsAndReadiness() {
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC);
        service.catalog().started("acme", "production", "shop", "shop-left-running", BackupReason.MANUAL, "test",
                "rev-0", start.minusHours(7).toInstant());
        assertThat(scheduler.runDue(start)).isEmpty();

        assertThat(scheduler.runDue(start.plusDays(1).plusMinutes(1)))
                .containsExactly("backup acme/production/shop", "drill acme/production/shop");

        given().when().get("/api/v1/environments/{name}/backups", "acme/production").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].database", equalTo("shop"))
                .body("[0].backups[0].status", equalTo("completed"))
                .body("[0].backups[0].reason", equalTo("scheduled"))
                .body("[0].backups[0].good", equalTo(true))
                .body("[0].backups[0].copies", hasSize(1))
                .body("[0].backups[0].copies[0].destination", endsWith("/acme/production/shop"))
                .body("[0].backups[0].copies[0].verifiedAt", notNullValue())
                .body("[0].backups.find { it.name == 'shop-left-running' }.status", equalTo("abandoned"))
                .body("[0].backups.find { it.name == 'shop-left-running' }.good", equalTo(false))
                .body("[0].drills[0].passed", equalTo(true));
        // the status page shows the same catalog and drill to people
        assertThat(given().when().get("/environments/acme/production").then().statusCode(200).extract().asString())
                .contains("Latest verified backup:", "class=\"strip-ok\">completed", "class=\"strip-bad\">abandoned",
                        "shop-left-running", "class=\"strip-ok\">passed");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*\\nswitchman_backup_last_verified_age_seconds\\{[^}]*database=\"shop\"[^}]*} "
                        + "[0-9.]+(E[0-9]+)?\\n.*"))
                .body(matchesRegex("(?s).*\\nswitchman_backups_total\\{[^}]*result=\"success\"[^}]*} 1\\.0\\n.*"));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'backups' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'backups' }.data.warnings", equalTo(0));
    }
}
