package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.migrate.HistoryDifference.Kind;
import dev.switchman.store.EmbeddedPostgres;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrations against a real application database, separate from Switchman's store on the same server. */
class DatabaseMigratorIT {

    private static EmbeddedPostgres postgres;
    private static PGSimpleDataSource store;

    @TempDir
    Path root;
    MigrationFixture f;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgres.start();
        store = MigrationFixture.migratedStore(postgres);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
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
        });
        assertThat(outcome.summary()).contains("the dry run was rolled back, the schema is unchanged");
        assertThat(f.tables()).isEmpty();
        assertThat(f.appliedVersions()).isEmpty();
        assertThat(f.backupsTaken).isEmpty();
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
        new MigrationLocks(store).acquire("shop/production", "app", "crashed-runner", f.now, Duration.ofMinutes(15));
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
    void versionsAnotherRunnerAppliedWhileThisOneWaitedAreNotReportedAsAppliedAgain() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        DesiredEnvironment production = f.environment(false, true);
        DesiredEnvironment staging = new DesiredEnvironment(production.project(), "staging", null, Map.of(), Map.of(),
                f.environment(false, false).databases(), production.policy(), null);
        // staging declares the same database: while production backs up, staging's runner (another lease) migrates it
        PreMigrationBackup racedByStaging = (environment, database, revision) -> {
            assertThat(f.gate("staging-runner", Optional.empty()).pass(staging, revision).summary())
                    .isEqualTo("app: applied V1");
            return f.recordingBackup().takeVerified(environment, database, revision);
        };

        MigrationOutcome production1 = f.gate("production-runner", Optional.of(racedByStaging)).pass(production, "rev-1");

        assertThat(production1.summary()).isEqualTo("app: up to date (1 applied)");
        assertThat(f.appliedVersions()).containsExactly("1");
    }
}
