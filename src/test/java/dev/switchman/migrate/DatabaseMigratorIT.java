package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.migrate.HistoryDifference.Kind;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrations against a real application database, separate from Switchman's store on the same server. */
class DatabaseMigratorIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static PGSimpleDataSource store;

    @TempDir
    Path root;
    MigrationFixture f;

    @BeforeAll
    static void startPostgres() {
        store = postgres.store();
    }

    @BeforeEach
    void setUp() {
        f = new MigrationFixture(postgres, store, root);
    }

    @Test
    void theTicketingExampleIsMigratedOnceAcrossRestartsBehindABackupAndADryRun() {
        DesiredEnvironment production = DesiredStateLoader.load(Path.of("desired-state")).state()
                .environment("ticketing/production").orElseThrow();
        Map<String, String> secrets = Map.of("TICKETING_DATABASE_URL", f.databaseUrl());
        java.util.function.Supplier<MigrationGate> restart = () -> new MigrationGate(
                name -> Optional.ofNullable(secrets.get(name)), () -> Path.of("desired-state"),
                MigrationGate.MissingUrl.STALL, f.migrator("daemon-1", Optional.of(f.recordingBackup())));

        MigrationOutcome first = restart.get().pass(production, "rev-1");
        MigrationOutcome afterRestart = restart.get().pass(production, "rev-2");

        assertThat(first).isInstanceOf(MigrationOutcome.Ready.class);
        assertThat(first.summary()).contains("tickets: applied V1, V2 after backup backup-1");
        assertThat(afterRestart.summary()).isEqualTo("tickets: up to date (2 applied)");
        assertThat(f.appliedVersions()).containsExactly("1", "2");
        assertThat(f.tables()).containsExactly("tickets");
        assertThat(f.backupsTaken).containsExactly("tickets@rev-1");
    }

    @Test
    void withoutABackupImplementationNothingIsMigrated() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");

        MigrationOutcome outcome = f.gate("daemon-1", Optional.empty()).pass(f.environment(false, true), "rev-1");

        assertThat(outcome).isInstanceOf(MigrationOutcome.BackupUnavailable.class);
        assertThat(outcome.haltsRollout()).isTrue();
        assertThat(f.tables()).isEmpty();
    }

    @Test
    void aFailingScriptIsReportedWithFlywaysErrorAndItsRevisionIsNotRetried() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        f.script("V2__add_total.sql", "alter table order_lines add column total numeric;");
        MigrationGate gate = f.gate("daemon-1", Optional.of(f.recordingBackup()));

        MigrationOutcome failed = gate.pass(f.environment(false, true), "rev-1");
        MigrationOutcome again = gate.pass(f.environment(false, true), "rev-1");

        assertThat(failed).isInstanceOfSatisfying(MigrationOutcome.Failed.class, fail -> {
            assertThat(fail.script()).isEqualTo("V2__add_total.sql");
            assertThat(fail.message()).contains("order_lines").contains("does not exist");
            assertThat(fail.backup()).startsWith("backup-1");
            assertThat(fail.quarantined()).isFalse();
        });
        assertThat(failed.summary()).contains("restore from the backup taken just before if needed: backup-1");
        assertThat(again).isInstanceOfSatisfying(MigrationOutcome.Failed.class,
                fail -> assertThat(fail.quarantined()).isTrue());
        assertThat(f.backupsTaken).hasSize(1);
        // never rolled back: the script that worked stays applied
        assertThat(f.appliedVersions()).containsExactly("1");
        assertThat(f.tables()).containsExactly("orders");
    }

    @Test
    void aNewRevisionIsTriedAgainAfterAQuarantine() {
        f.script("V1__create_orders.sql", "create table order_lines (id bigint primary key) oops;");
        MigrationGate gate = f.gate("daemon-1", Optional.empty());
        assertThat(gate.pass(f.environment(false, false), "rev-1")).isInstanceOf(MigrationOutcome.Failed.class);

        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        MigrationOutcome fixed = gate.pass(f.environment(false, false), "rev-2");

        assertThat(fixed.summary()).isEqualTo("app: applied V1");
        assertThat(f.tables()).containsExactly("orders");
    }

    @Test
    void theDryRunCatchesAnErrorAndLeavesTheSchemaUnchanged() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        f.script("V2__add_total.sql", "alter table orders add column total numerc;");

        MigrationOutcome outcome = f.gate("daemon-1", Optional.of(f.recordingBackup()))
                .pass(f.environment(true, true), "rev-1");

        assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Failed.class, fail -> {
            assertThat(fail.dryRun()).isTrue();
            assertThat(fail.script()).isEqualTo("V2__add_total.sql");
            assertThat(fail.message()).contains("numerc");
            assertThat(fail.backup()).startsWith("backup-1");
        });
        assertThat(outcome.summary()).contains("the dry run was rolled back, the schema is unchanged");
        assertThat(f.tables()).isEmpty();
        assertThat(f.appliedVersions()).isEmpty();
        assertThat(f.backupsTaken).containsExactly("app@rev-1");
    }

    @Test
    void theDryRunStopsAtAScriptThatCannotRunInATransactionAndTheRealRunAppliesIt() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key, customer text);");
        f.script("V2__index_customer.sql", "create index concurrently orders_customer_idx on orders (customer);");

        MigrationOutcome outcome = f.gate("daemon-1", Optional.empty()).pass(f.environment(true, false), "rev-1");

        assertThat(outcome.summary()).isEqualTo("app: applied V1, V2");
        assertThat(f.appliedVersions()).containsExactly("1", "2");
    }

    @Test
    void aFailedNonTransactionalScriptIsNamedIsNotCountedAsAppliedAndItsFailedRowIsExplained() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key, customer text);");
        f.script("V2__index_customer.sql", "create index concurrently orders_customer_idx on orders (no_such_column);");
        MigrationGate gate = f.gate("daemon-1", Optional.empty());

        MigrationOutcome outcome = gate.pass(f.environment(false, false), "rev-1");
        f.script("V3__create_customers.sql", "create table customers (id bigint primary key);");
        MigrationOutcome nextRevision = gate.pass(f.environment(false, false), "rev-2");

        assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Failed.class, fail -> {
            assertThat(fail.script()).isEqualTo("V2__index_customer.sql");
            assertThat(fail.message()).contains("no_such_column")
                    .contains("success = false").contains("flyway_schema_history")
                    .contains("delete from flyway_schema_history where version = '2' and not success");
        });
        assertThat(new MigrationRuns(store).recent("shop/production", "app", 5)).first().satisfies(run -> {
            assertThat(run.result()).isEqualTo(MigrationRuns.Result.FAILED);
            assertThat(run.applied()).containsExactly("1");
            assertThat(run.failedScript()).isEqualTo("V2__index_customer.sql");
        });
        assertThat(f.appliedVersions()).containsExactly("1");
        assertThat(nextRevision).isInstanceOfSatisfying(MigrationOutcome.Diverged.class, d -> assertThat(d.describe())
                .contains("FAILED_IN_HISTORY V2").contains("delete from flyway_schema_history where version = '2'"));
        assertThat(f.tables()).containsExactly("orders");
    }

    @Test
    void anEditedScriptIsAChecksumDifferenceAndNothingRuns() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        MigrationGate gate = f.gate("daemon-1", Optional.empty());
        gate.pass(f.environment(false, false), "rev-1");
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key, total numeric);");
        f.script("V2__create_customers.sql", "create table customers (id bigint primary key);");

        MigrationOutcome outcome = gate.pass(f.environment(false, false), "rev-2");

        assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Diverged.class, d -> assertThat(d.differences())
                .extracting(HistoryDifference::kind, HistoryDifference::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKSUM_CHANGED, "1")));
        assertThat(f.tables()).containsExactly("orders");
    }

    @Test
    void aScriptDeletedFromTheRepositoryAndOneAddedOutOfOrderAreListed() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        f.script("V3__create_invoices.sql", "create table invoices (id bigint primary key);");
        MigrationGate gate = f.gate("daemon-1", Optional.empty());
        gate.pass(f.environment(false, false), "rev-1");
        f.deleteScript("V3__create_invoices.sql");
        f.script("V2__create_customers.sql", "create table customers (id bigint primary key);");

        MigrationOutcome outcome = gate.pass(f.environment(false, false), "rev-2");

        assertThat(outcome).isInstanceOfSatisfying(MigrationOutcome.Diverged.class, d -> assertThat(d.differences())
                .extracting(HistoryDifference::kind, HistoryDifference::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.MISSING_FROM_REPOSITORY, "3"),
                        org.assertj.core.groups.Tuple.tuple(Kind.OUT_OF_ORDER, "2")));
        assertThat(f.tables()).containsExactlyInAnyOrder("orders", "invoices");
    }

    @Test
    void aHeldLeaseMakesTheOtherRunnerWaitAndAnExpiredOneIsTakenOver() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        new MigrationLocks(store).acquire(f.key(), "shop/production", "app", "crashed-runner", f.now,
                Duration.ofMinutes(15));
        MigrationGate gate = f.gate("daemon-2", Optional.empty());

        MigrationOutcome whileHeld = gate.pass(f.environment(false, false), "rev-1");
        f.now = f.now.plus(Duration.ofMinutes(16));
        MigrationOutcome afterExpiry = gate.pass(f.environment(false, false), "rev-1");

        assertThat(whileHeld).isInstanceOfSatisfying(MigrationOutcome.Busy.class,
                busy -> assertThat(busy.holder()).isEqualTo("crashed-runner"));
        assertThat(afterExpiry.summary()).isEqualTo("app: applied V1");
        assertThat(f.appliedVersions()).containsExactly("1");
    }

    @Test
    void twoConcurrentRunnersMigrateOnce() throws Exception {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        f.script("V2__create_customers.sql", "create table customers (id bigint primary key);");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MigrationOutcome>> runs = new ArrayList<>();
        for (String runner : List.of("replica-a", "replica-b")) {
            MigrationGate gate = f.gate(runner, Optional.empty());
            runs.add(pool.submit(() -> {
                start.await();
                return gate.pass(f.environment(false, false), "rev-1");
            }));
        }
        start.countDown();
        List<String> summaries = new ArrayList<>();
        for (Future<MigrationOutcome> run : runs) {
            summaries.add(run.get().summary());
        }
        pool.shutdown();

        assertThat(summaries).filteredOn(s -> s.startsWith("app: applied")).containsExactly("app: applied V1, V2");
        assertThat(summaries).filteredOn(s -> !s.startsWith("app: applied"))
                .allMatch(s -> s.contains("another runner (replica-") || s.equals("app: up to date (2 applied)"));
        assertThat(f.appliedVersions()).containsExactly("1", "2");
    }
    @Test
    void twoEnvironmentsDeclaringOneDatabaseShareItsLeaseSoItIsBackedUpDryRunAndMigratedOnce() {
        f.script("V1__create_orders.sql", f.probed("create table orders (id bigint primary key);"));
        DesiredEnvironment production = f.environment(true, true);
        DesiredEnvironment staging = f.staging(true, true);
        List<MigrationOutcome> stagingMeanwhile = new ArrayList<>();
        // while production backs up, staging's daemon (another runner) asks for the same database
        PreMigrationBackup productionBackup = (environment, database, revision) -> {
            stagingMeanwhile.add(f.gate("staging-runner", Optional.of(f.recordingBackup())).pass(staging, revision));
            return f.recordingBackup().takeVerified(environment, database, revision);
        };

        MigrationOutcome first = f.gate("production-runner", Optional.of(productionBackup)).pass(production, "rev-1");
        MigrationOutcome stagingNextRun = f.gate("staging-runner", Optional.of(f.recordingBackup())).pass(staging, "rev-1");

        assertThat(stagingMeanwhile).singleElement().isInstanceOfSatisfying(MigrationOutcome.Busy.class,
                busy -> assertThat(busy.holder()).isEqualTo("production-runner for shop/production database app"));
        assertThat(first.summary()).isEqualTo("app: applied V1 after backup backup-1 at /backups/app");
        assertThat(stagingNextRun.summary()).isEqualTo("app: up to date (1 applied)");
        assertThat(f.backupsTaken).containsExactly("app@rev-1");
        assertThat(f.probeCalls()).as("one dry run and one real run").isEqualTo(2);
        assertThat(f.appliedVersions()).containsExactly("1");
    }

    @Test
    void aDeclaredIdIsTheDatabasesIdentityInsteadOfItsUrl() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        new MigrationLocks(store).acquire(DatabaseKey.declared("shop-main"), "shop/staging", "app", "staging-runner",
                f.now, Duration.ofMinutes(15));

        MigrationOutcome byUrl = f.gate("production-runner", Optional.empty()).pass(f.environment(false, false), "rev-1");
        MigrationOutcome byId = f.gate("production-runner", Optional.empty()).pass(f.withId(f.environment(false, false),
                "shop-main"), "rev-1");

        assertThat(byUrl.summary()).isEqualTo("app: applied V1");
        assertThat(byId).isInstanceOf(MigrationOutcome.Busy.class);
    }

    @Test
    void aRevisionThatFailedForOneEnvironmentIsNotTriedAgainByAnotherDeclaringTheSameDatabase() {
        f.script("V1__create_orders.sql", f.probed("create table orders (id bigint primary key) oops;"));

        MigrationOutcome production = f.gate("production-runner", Optional.of(f.recordingBackup()))
                .pass(f.environment(true, true), "rev-1");
        MigrationOutcome staging = f.gate("staging-runner", Optional.of(f.recordingBackup()))
                .pass(f.staging(true, true), "rev-1");

        assertThat(production).isInstanceOfSatisfying(MigrationOutcome.Failed.class, fail -> {
            assertThat(fail.dryRun()).isTrue();
            assertThat(fail.quarantined()).isFalse();
        });
        assertThat(staging).isInstanceOfSatisfying(MigrationOutcome.Failed.class, fail -> {
            assertThat(fail.quarantined()).isTrue();
            assertThat(fail.backup()).startsWith("backup-1");
        });
        assertThat(f.backupsTaken).containsExactly("app@rev-1");
        assertThat(f.probeCalls()).as("the failing script never reached its probe").isZero();
    }

    @Test
    void theBackupIsTakenBeforeTheDryRunTouchesTheLiveDatabase() {
        f.script("V1__create_orders.sql", f.probed("create table orders (id bigint primary key);"));
        List<Long> scriptRunsAtBackup = new ArrayList<>();
        PreMigrationBackup watching = (environment, database, revision) -> {
            scriptRunsAtBackup.add(f.probeCalls());
            return f.recordingBackup().takeVerified(environment, database, revision);
        };

        MigrationOutcome outcome = f.gate("daemon-1", Optional.of(watching)).pass(f.environment(true, true), "rev-1");

        assertThat(outcome.summary()).isEqualTo("app: applied V1 after backup backup-1 at /backups/app");
        assertThat(scriptRunsAtBackup).containsExactly(0L);
        assertThat(f.probeCalls()).isEqualTo(2);
    }

    @Test
    void whenThePreMigrationBackupFailsNoDryRunTouchesTheLiveDatabase() {
        f.script("V1__create_orders.sql", f.probed("create table orders (id bigint primary key);"));
        PreMigrationBackup failing = (environment, database, revision) -> {
            throw new PreMigrationBackup.BackupFailed("disk full", null);
        };

        MigrationOutcome outcome = f.gate("daemon-1", Optional.of(failing)).pass(f.environment(true, true), "rev-1");

        assertThat(outcome).isInstanceOf(MigrationOutcome.BackupFailed.class);
        assertThat(f.probeCalls()).isZero();
        assertThat(f.tables()).isEmpty();
    }

    @Test
    void aRunnerWhoseLeaseExpiredDuringASlowBackupStopsAndTheRunnerThatTookItOverMigratesOnce() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        DesiredEnvironment staging = f.staging(false, false);
        List<String> stagingMeanwhile = new ArrayList<>();
        PreMigrationBackup slow = (environment, database, revision) -> {
            f.now = f.now.plus(Duration.ofMinutes(16));
            stagingMeanwhile.add(f.gate("staging-runner", Optional.empty()).pass(staging, revision).summary());
            return f.recordingBackup().takeVerified(environment, database, revision);
        };

        MigrationOutcome production = f.gate("production-runner", Optional.of(slow)).pass(f.environment(false, true),
                "rev-1");

        assertThat(stagingMeanwhile).containsExactly("app: applied V1");
        assertThat(production).isInstanceOf(MigrationOutcome.Busy.class);
        assertThat(new MigrationRuns(store).recent("shop/production", "app", 5)).singleElement().satisfies(run -> {
            assertThat(run.result()).isEqualTo(MigrationRuns.Result.NOT_RUN);
            assertThat(run.message()).contains("lease expired after the backup");
            assertThat(run.backup()).startsWith("backup-1");
        });
        assertThat(f.appliedVersions()).containsExactly("1");
    }
}
