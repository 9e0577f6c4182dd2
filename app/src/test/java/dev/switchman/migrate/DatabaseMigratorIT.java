package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.migrate.HistoryDifference.Kind;
import dev.switchman.testing.RepositoryRoot;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Migrations against a real application database, separate from Switchman's store on the same server. */
class DatabaseMigratorIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    Path root;
    MigrationFixture f;

    @BeforeEach
    void setUp() {
        f = new MigrationFixture(postgres, root);
    }

    @Test
    void theTicketingExampleIsMigratedOnceAcrossRestartsBehindABackupAndADryRun() {
        DesiredEnvironment production = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state")).state()
                .environment("ticketing/production").orElseThrow();
        Map<String, String> secrets = Map.of("TICKETING_DATABASE_URL", f.databaseUrl());
        Supplier<MigrationGate> restart = () -> new MigrationGate(
                name -> Optional.ofNullable(secrets.get(name)), () -> RepositoryRoot.resolve("desired-state"),
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
        assertThat(new MigrationRuns(f.store).recent("shop/production", "app", 5)).first().satisfies(run -> {
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
                .containsExactly(Tuple.tuple(Kind.CHECKSUM_CHANGED, "1")));
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
                .containsExactlyInAnyOrder(Tuple.tuple(Kind.MISSING_FROM_REPOSITORY, "3"),
                        Tuple.tuple(Kind.OUT_OF_ORDER, "2")));
        assertThat(f.tables()).containsExactlyInAnyOrder("orders", "invoices");
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
}
