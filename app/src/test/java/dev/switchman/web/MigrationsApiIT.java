package dev.switchman.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.switchman.migrate.DatabaseKey;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.SchemaBaselines;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.testing.DesiredStateFiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration run log and leases of an environment's databases, as the status API shows them. */
@QuarkusTest
class MigrationsApiIT {

    private static final String ENV = "ledger/production";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Inject
    DesiredStateHolder holder;

    @Inject
    DataSource store;

    @BeforeEach
    void declareLedger() throws SQLException {
        DesiredStateFiles.replace(holder.root(), Map.of(
                "ledger/project.yaml", """
                        apiVersion: switchman.dev/v1alpha1
                        kind: Project
                        metadata: { name: ledger }
                        spec: {}
                        """,
                "ledger/production.yaml", """
                        apiVersion: switchman.dev/v1alpha1
                        kind: Environment
                        metadata: { name: production, project: ledger }
                        spec:
                          services:
                            api:
                              source: { image: ghcr.io/acme/ledger-api:1.0 }
                          databases:
                            app:
                              id: ledger-app
                              url: { secretRef: LEDGER_APP_URL }
                              migrations: { path: migrations }
                            reports:
                              url: { secretRef: LEDGER_REPORTS_URL }
                            search:
                              url: { secretRef: LEDGER_SEARCH_URL }
                              migrations: { command: ./manage migrate, service: api }
                        """,
                "ledger/migrations/V1__create_entries.sql", "create table entries (id bigint);"));
        holder.poll();
        try (var c = store.getConnection(); var s = c.createStatement()) {
            s.execute("delete from migration_runs where environment = '" + ENV + "'");
            s.execute("delete from schema_drift_states where environment = '" + ENV + "'");
            s.execute("delete from migration_locks where database_key = 'id:ledger-app'");
        }
    }

    @Test
    void eachMigratedDatabaseShowsItsRecentRunsAndLease() {
        MigrationRuns runs = new MigrationRuns(store);
        long applied = runs.start(ENV, "app", "rev-1", "runner-a", T0);
        runs.finish(applied, T0.plusSeconds(2), MigrationRuns.Result.APPLIED, "1,2", null, null, "app-backup-1");
        long failed = runs.start(ENV, "app", "rev-2", "runner-a", T0.plusSeconds(60));
        runs.finish(failed, T0.plusSeconds(61), MigrationRuns.Result.FAILED, "3", "V4__add_total.sql",
                "relation \"order_lines\" does not exist", null);
        runs.start(ENV, "app", "rev-3", "runner-b", T0.plusSeconds(120));
        new MigrationLocks(store).acquire(DatabaseKey.declared("ledger-app"), "ledger/staging", "app", "runner-b",
                Instant.now(), Duration.ofMinutes(15));

        new SchemaBaselines(store).report(ENV, "app", new SchemaBaselines.Reported("sha256:1",
                List.of("missing column public.entries.note (text)"), T0));

        long command = runs.start(ENV, "search", "rev-2", "railway pre-deploy of deployment d-7", T0.plusSeconds(90));
        runs.finish(command, T0.plusSeconds(90), MigrationRuns.Result.APPLIED, "", null,
                "`./manage migrate` ran in the pre-deploy step of api", "search-backup-1");

        given().when().get("/api/v1/environments/{name}/migrations", ENV).then().statusCode(200)
                .body("database", contains("app", "search"))
                .body("[1].lease", nullValue())
                .body("[1].runs.runner", contains("railway pre-deploy of deployment d-7"))
                .body("[1].runs.result", contains("applied"))
                .body("[0].database", equalTo("app"))
                .body("[0].lease.holder", equalTo("runner-b"))
                .body("[0].lease.expired", equalTo(false))
                .body("[0].lease.environment", equalTo("ledger/staging"))
                .body("[0].runs.revision", contains("rev-3", "rev-2", "rev-1"))
                .body("[0].runs.result", contains("running", "failed", "applied"))
                .body("[0].runs[0].finishedAt", nullValue())
                .body("[0].runs[1].failedScript", equalTo("V4__add_total.sql"))
                .body("[0].runs[1].message", equalTo("relation \"order_lines\" does not exist"))
                .body("[0].runs[1].versions", contains("3"))
                .body("[0].runs[2].versions", contains("1", "2"))
                .body("[0].runs[2].backup", equalTo("app-backup-1"))
                .body("[0].runs[2].startedAt", equalTo("2026-03-01T10:00:00Z"))
                .body("[0].schema.drifted", equalTo(true))
                .body("[0].schema.differences", contains("missing column public.entries.note (text)"))
                .body("[1].schema", nullValue());
        // the status page shows the same runs, lease and schema drift to people
        assertThat(given().when().get("/environments/ledger/production").then().statusCode(200).extract().asString())
                .contains("Lease held by <code>runner-b</code>", "schema drift: 1 difference(s)",
                        "<li>missing column public.entries.note (text)</li>", "<code>V4__add_total.sql</code>",
                        "class=\"strip-bad\">failed", "class=\"strip-ok\">applied", "class=\"strip-warn\">running");
    }

    @Test
    void aDatabaseWithNoRunsAndNoLeaseIsListedEmpty() {
        given().when().get("/api/v1/environments/{name}/migrations", "production").then().statusCode(200)
                .body("[0].database", equalTo("app"))
                .body("[0].lease", nullValue())
                .body("[0].runs", hasSize(0));
        given().when().get("/api/v1/environments/{name}/migrations", "ledger/nowhere").then().statusCode(404)
                .body("reason", equalTo("EnvironmentNotFound"));
    }
}
