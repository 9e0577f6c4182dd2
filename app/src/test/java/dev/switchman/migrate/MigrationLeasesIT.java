package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several runners, or several environments declaring one database, migrating it: the lease lets one
 * act at a time, also when a backup is slow, and a revision that failed is not tried again by another.
 */
class MigrationLeasesIT {

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
    void aHeldLeaseMakesTheOtherRunnerWaitAndAnExpiredOneIsTakenOver() {
        f.script("V1__create_orders.sql", "create table orders (id bigint primary key);");
        new MigrationLocks(f.store).acquire(f.key(), "shop/production", "app", "crashed-runner", f.now,
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
        new MigrationLocks(f.store).acquire(DatabaseKey.declared("shop-main"), "shop/staging", "app", "staging-runner",
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
        assertThat(new MigrationRuns(f.store).recent("shop/production", "app", 5)).singleElement().satisfies(run -> {
            assertThat(run.result()).isEqualTo(MigrationRuns.Result.NOT_RUN);
            assertThat(run.message()).contains("lease expired after the backup");
            assertThat(run.backup()).startsWith("backup-1");
        });
        assertThat(f.appliedVersions()).containsExactly("1");
    }
}
