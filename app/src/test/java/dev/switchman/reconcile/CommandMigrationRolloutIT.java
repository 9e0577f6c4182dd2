package dev.switchman.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.backup.BackupCatalog;
import dev.switchman.backup.BackupReason;
import dev.switchman.backup.BackupRunner;
import dev.switchman.backup.CatalogEntry;
import dev.switchman.backup.DatabaseBackups;
import dev.switchman.backup.PgProcesses;
import dev.switchman.backup.PostgresClientTools;
import dev.switchman.backup.PreMigrationBackups;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.notify.NotificationKind;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFaults.DeploymentFault;
import dev.switchman.store.Quarantine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database migrated by Railway's pre-deploy command, end to end: the sandbox over HTTP (failing the
 * command on demand), the real client and store, a real application database backed up with the real
 * pg_dump before the migration service deploys.
 */
class CommandMigrationRolloutIT extends SandboxReconcileIT {

    private static final String COMMAND = "python manage.py migrate --no-input";
    private static final String ERROR = "django.db.utils.ProgrammingError: relation \"orders\" does not exist";
    private static final String SPEC = """
            services:
              api:
                source: { image: "ghcr.io/acme/api:%s" }
                deploy: { healthcheckPath: /health }
              web:
                source: { image: "ghcr.io/acme/web:%s" }
            databases:
              app:
                url: { secretRef: APP_DATABASE_URL }
                migrations: { command: %s, service: api }
                backups:
                  schedule: "0 3 * * *"
                  retention: { daily: 7, weekly: 4, monthly: 12 }
                  destination: { filesystem: { path: %s } }
                  beforeMigrations: true
            policy:
              rollback: automatic
            """;

    private static int databases;

    @TempDir
    Path backupDir;
    BackupCatalog catalog;
    /** The api deployments that existed when each pre-migration backup had been verified. */
    final List<List<String>> apiDeploymentsAtBackup = new CopyOnWriteArrayList<>();

    @BeforeEach
    void backUpBeforeMigrating() throws Exception {
        PGSimpleDataSource store = postgres.store();
        h.followRollouts();
        String appDatabase = "command_app_" + ++databases;
        postgres.createDatabase(appDatabase);
        h.secrets = Map.of("APP_DATABASE_URL", postgres.databaseUrl(appDatabase));
        catalog = new BackupCatalog(store);
        h.migrating(Optional.of(realBackups()));
    }

    /** pg_dump into backupDir, verified by checksum, catalogued on the sandbox's clock. */
    private PreMigrationBackup realBackups() {
        Clock sandboxClock = new SandboxTime(h.sandbox);
        DatabaseBackups backups = new DatabaseBackups(new BackupRunner(new PgProcesses(PostgresClientTools.find()),
                backupDir.resolve("work"), sandboxClock), catalog, h.events, name -> Optional.ofNullable(h.secrets.get(name)),
                sandboxClock);
        PreMigrationBackups preMigration = new PreMigrationBackups(backups, null, (environment, service) -> Optional.empty());
        return (environment, database, revision) -> {
            String name = preMigration.take(environment, database, revision).dumpBackup();
            apiDeploymentsAtBackup.add(apiDeployments());
            return new PreMigrationBackup.BackupReceipt(name, backupDir.resolve("dest") + "/" + name + ".dump",
                    h.sandbox.clock().now());
        };
    }

    private DesiredEnvironment desire(String api, String web) {
        return h.desire(SPEC.formatted(api, web, COMMAND, backupDir.resolve("dest")));
    }

    private List<String> apiDeployments() {
        try {
            return h.sandbox.deployments(h.environmentId, h.serviceId("api")).stream().map(RailwaySandbox.DeploymentInfo::id)
                    .toList();
        } catch (RuntimeException noServiceYet) {
            return List.of();
        }
    }

    private List<CatalogEntry> preMigrationBackups() {
        return catalog.entries("shop", "production", "app").stream()
                .filter(e -> e.reason() == BackupReason.PRE_MIGRATION).toList();
    }

    private String serving(String service) {
        return (String) h.sandbox.app(h.sandbox.domain(h.environmentId, h.serviceId(service)), "/health").body()
                .get("deploymentId");
    }

    @Test
    void aFailedMigrationCommandStallsAsMigrationFailedWhileTheOldVersionKeepsServing() throws Exception {
        assertThat(h.drive(desire("1.0", "1.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        String goodApi = h.rolloutStore.lastGood("shop", "production", "api", null).orElseThrow();
        String goodWeb = h.rolloutStore.lastGood("shop", "production", "web", null).orElseThrow();
        h.sandbox.faults().nextDeployment(h.serviceId("api"), DeploymentFault.FAIL_PRE_DEPLOY, 0, ERROR);

        ReconcileOutcome outcome = h.drive(desire("2.0", "2.0"), 60);

        String backup = preMigrationBackups().get(0).name();
        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class, stalled -> {
            assertThat(stalled.reason()).isEqualTo("MigrationFailed");
            assertThat(stalled.message()).contains("database app", COMMAND, ERROR, "never rolls a schema back", backup)
                    .doesNotContain(h.secrets.get("APP_DATABASE_URL"));
        });
        assertThat(serving("api")).isEqualTo(goodApi);
        assertThat(h.sandbox.deployments(h.environmentId, h.serviceId("api")).get(0).status()).isEqualTo("FAILED");
        var rollout = new ObjectMapper().readTree(h.rolloutStore.recent("shop", "production", 1).get(0).servicesJson());
        assertThat(rollout.findValues("rollback").stream().map(v -> v.asText())).contains("notNeeded", "done");
        assertThat(rollout.findValuesAsText("rollbackTarget")).containsExactly(goodWeb);
        Quarantine quarantine = h.rolloutStore.quarantined("shop", "production").orElseThrow();
        assertThat(quarantine.revision()).isEqualTo(h.revision());
        assertThat(quarantine.migrationFailed()).isTrue();
        assertThat(h.heard.stream().filter(RolloutEvent.MigrationFailed.class::isInstance)
                .map(e -> RolloutNotifications.of(e).orElseThrow()).toList()).singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(NotificationKind.MIGRATION_FAILED);
                    assertThat(n.service()).isEqualTo("app");
                    assertThat(n.reason()).contains(ERROR, backup);
                });

        h.followRollouts();
        assertThat(h.reconcile(desire("2.0", "2.0"))).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class,
                stalled -> assertThat(stalled.reason()).isEqualTo("MigrationFailed"));

        assertThat(h.drive(desire("2.1", "2.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        assertThat(h.rolloutStore.quarantined("shop", "production")).isEmpty();
        // newest first: 2.1's command ran, 2.0's failed (with the backup to restore), 1.0's ran; once each
        assertThat(new MigrationRuns(postgres.store()).recent("shop/production", "app", 10)).satisfiesExactly(
                ran -> assertThat(ran.result()).isEqualTo(MigrationRuns.Result.APPLIED),
                failed -> {
                    assertThat(failed.result()).isEqualTo(MigrationRuns.Result.FAILED);
                    assertThat(failed.failedScript()).isEqualTo(COMMAND);
                    assertThat(failed.message()).contains(ERROR);
                    assertThat(failed.backup()).startsWith(backup);
                    assertThat(failed.runner()).contains("railway pre-deploy");
                },
                first -> assertThat(first.result()).isEqualTo(MigrationRuns.Result.APPLIED));
        assertThat(h.counter("switchman_migrations_total", "result", "applied")).isEqualTo(2.0);
        assertThat(h.counter("switchman_migrations_total", "result", "failed")).isEqualTo(1.0);
        assertThat(serving("api")).isNotEqualTo(goodApi)
                .isEqualTo(h.rolloutStore.lastGood("shop", "production", "api", null).orElseThrow());
    }

    @Test
    void theVerifiedPreMigrationBackupIsTakenBeforeEachDeployOfTheMigrationService() {
        assertThat(h.drive(desire("1.0", "1.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        List<String> before = apiDeployments();

        assertThat(h.drive(desire("2.0", "1.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        String deployed = h.rolloutStore.lastGood("shop", "production", "api", null).orElseThrow();
        assertThat(h.drive(desire("2.0", "2.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);

        List<CatalogEntry> backups = preMigrationBackups();
        assertThat(backups).as("one per deploy of api, none for web alone").hasSize(2)
                .allSatisfy(b -> assertThat(b.verified()).isTrue());
        assertThat(apiDeploymentsAtBackup).containsExactly(List.of(), before);
        assertThat(before).doesNotContain(deployed);
        Instant created = h.railway.deployment(deployed).createdAt();
        assertThat(backups.get(0).finishedAt()).isBeforeOrEqualTo(created);
    }

    @Test
    void aFailedPreMigrationBackupStopsTheDeploy() {
        h.secrets = Map.of("APP_DATABASE_URL", postgres.absentDatabaseUrl());

        ReconcileOutcome outcome = h.reconcile(desire("1.0", "1.0"));

        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Retry.class, retry -> {
            assertThat(retry.reason()).isEqualTo("PreMigrationBackupFailed");
            assertThat(retry.message()).contains("app").doesNotContain(h.secrets.get("APP_DATABASE_URL"));
        });
        assertThat(h.observe().services()).isEmpty();
        assertThat(h.transport.count("ServiceCreate") + h.transport.count("ServiceInstanceDeploy")).isZero();
    }

    @Test
    void aDeploymentThatFailsAnotherStepStaysARolloutFailure() {
        assertThat(h.drive(desire("1.0", "1.0"), 40)).isInstanceOf(ReconcileOutcome.Converged.class);
        h.sandbox.faults().nextDeployment(h.serviceId("api"), DeploymentFault.FAIL_HEALTHCHECK, 0);

        ReconcileOutcome outcome = h.drive(desire("2.0", "1.0"), 60);

        assertThat(outcome).isInstanceOfSatisfying(ReconcileOutcome.Stalled.class, stalled -> {
            assertThat(stalled.reason()).isEqualTo("RevisionQuarantined");
            assertThat(stalled.message()).contains("deployment FAILED in step HEALTHCHECK").doesNotContain(COMMAND);
        });
        assertThat(h.rolloutStore.quarantined("shop", "production").orElseThrow().migrationFailed()).isFalse();
    }

    /** The sandbox's virtual clock as a {@link Clock}, so backups and deployments share one timeline. */
    private static final class SandboxTime extends Clock {

        private final RailwaySandbox sandbox;

        SandboxTime(RailwaySandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return sandbox.clock().now();
        }
    }
}
