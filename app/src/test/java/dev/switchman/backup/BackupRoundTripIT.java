package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.store.EventRepository;
import dev.switchman.testing.TestPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Real pg_dump / pg_restore against a real PostgreSQL: backup, verify, restore, drill, corruption, crash. */
class BackupRoundTripIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static PGSimpleDataSource store;
    private static String shopUrl;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        store = postgres.store();
        shopUrl = BackupFixture.applicationDatabase(postgres, "shop", 5000);
    }

    private DatabaseBackups backups(PostgresClientTools tools) {
        return new DatabaseBackups(new BackupRunner(new PgProcesses(tools), dir.resolve("work"), Clock.systemUTC()),
                new BackupCatalog(store), new EventRepository(store),
                new EnvironmentSecrets(null, Map.of(BackupFixture.URL_SECRET, shopUrl)), Clock.systemUTC());
    }

    private static BackupStorage first(DatabaseBackups backups, DesiredEnvironment env, DatabaseSpec shop) {
        return backups.destinations(env, shop).get(0).storage();
    }

    private static List<DatabaseSpec.DrillCheck> checks(long minRows, String expect) {
        return List.of(new DatabaseSpec.DrillCheck("orders", minRows, null, null),
                new DatabaseSpec.DrillCheck(null, null, "select v from settings", expect));
    }

    @Test
    void backupVerifyRestoreAndDrillPass() throws Exception {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(5000, "ok")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());

        BackupManifest manifest = backups.backup(env, shop, BackupReason.MANUAL, "rev-1").manifest();
        DrillRunner.DrillResult drill = backups.drill(env, shop);

        assertThat(manifest.sizeBytes()).isPositive();
        assertThat(manifest.sha256()).hasSize(64);
        assertThat(manifest.serverVersion()).isNotBlank();
        assertThat(drill.passed()).as(drill.message()).isTrue();
        assertThat(backups.lastVerified(env, shop)).isPresent();
        assertThat(new BackupCatalog(store).drills("acme", "production", "shop", 5))
                .anySatisfy(d -> assertThat(d.passed()).isTrue());

        postgres.createDatabase("shop_copy");
        DatabaseTarget copy = backups.source(shop).withDatabase(postgres.physicalName("shop_copy"));
        new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"), Clock.systemUTC())
                .restore(first(backups, env, shop), manifest, copy);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("shop_copy"), postgres.username(), "");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from orders")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(5000);
        }
    }

    @Test
    void thePreMigrationBackupIsADumpVerifiedByChecksum() {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(1, "ok")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());

        PreMigrationBackups.Taken taken = new PreMigrationBackups(backups, null, (e, s) -> Optional.empty())
                .take(env, shop, "rev-2");

        assertThat(taken.volumeBackupWorkflow()).isNull();
        assertThat(new BackupCatalog(store).entries("acme", "production", "shop"))
                .filteredOn(e -> e.name().equals(taken.dumpBackup())).singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo(BackupReason.PRE_MIGRATION);
                    assertThat(e.verified()).isTrue();
                });
    }

    @Test
    void aDrillWhoseChecksFailIsRecordedAsFailedWithAnEvent() {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(1_000_000, "nope")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());
        backups.backup(env, shop, BackupReason.SCHEDULED, "rev-1");

        DrillRunner.DrillResult drill = backups.drill(env, shop);

        assertThat(drill.passed()).isFalse();
        assertThat(drill.failures()).hasSize(2);
        assertThat(new EventRepository(store).recent("acme", "production", 20))
                .anySatisfy(e -> assertThat(e.reason()).isEqualTo("BackupDrillFailed"));
    }

    @Test
    void aCorruptedBackupFailsVerificationByChecksumBeforeAnyRestore() throws IOException {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(1, "ok")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());
        BackupManifest manifest = backups.backup(env, shop, BackupReason.MANUAL, "rev-1").manifest();
        Path dump = dir.resolve("dest/acme/production/shop").resolve(manifest.dumpKey());
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xFF);
        }
        postgres.createDatabase("shop_never");
        DatabaseTarget never = backups.source(shop).withDatabase(postgres.physicalName("shop_never"));
        BackupRunner runner = new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"),
                Clock.systemUTC());

        assertThatThrownBy(() -> runner.restore(first(backups, env, shop), manifest, never))
                .isInstanceOf(BackupException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> backups.verify(env, shop, backups.destinations(env, shop).get(0), manifest, false))
                .hasMessageContaining("failed verification");
        assertThat(backups.drill(env, shop).passed()).isFalse();
    }

    @Test
    void deepVerificationFindsWhatAChecksumCannotADumpWithoutTheTablesItMustHold() throws Exception {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(1, "ok")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());
        BackupManifest manifest = backups.backup(env, shop, BackupReason.MANUAL, "rev-1").manifest();
        Destination destination = backups.destinations(env, shop).get(0);
        BackupRunner runner = new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"),
                Clock.systemUTC());
        // the manifest says the database also had a table the dump does not hold
        BackupManifest expectingMore = new BackupManifest(manifest.name(), manifest.project(), manifest.environment(),
                manifest.database(), manifest.serverVersion(), manifest.sizeBytes(), manifest.duration(),
                manifest.revision(), manifest.reason(), manifest.sha256(), manifest.createdAt(),
                List.of("public.orders", "public.settings", "public.invoices"));
        // and a file that is no archive at all, with a manifest whose checksum matches it
        Path garbage = Files.writeString(dir.resolve("garbage.dump"), "not an archive");
        BackupManifest notAnArchive = new BackupManifest("shop-garbage", "acme", "production", "shop", "15", 14,
                Duration.ZERO, null, BackupReason.MANUAL, Checksums.sha256(garbage), Instant.now(),
                List.of());
        destination.storage().put(notAnArchive.dumpKey(), garbage);

        runner.verifyDeep(destination.storage(), manifest, DatabaseBackups.drillTables(shop));
        BackupRunner.fetchVerifiedToTemp(destination.storage(), expectingMore);
        BackupRunner.fetchVerifiedToTemp(destination.storage(), notAnArchive);

        assertThatThrownBy(() -> runner.verifyDeep(destination.storage(), expectingMore, List.of()))
                .hasMessageContaining("failed deep verification: the archive has no table public.invoices");
        assertThatThrownBy(() -> runner.verifyDeep(destination.storage(), manifest, List.of("audit_log")))
                .hasMessageContaining("the archive has no table public.audit_log");
        assertThatThrownBy(() -> runner.verifyDeep(destination.storage(), notAnArchive, List.of()))
                .hasMessageContaining("pg_restore --list");
    }

    @Test
    void aDrillWhoseTableIsNotInTheArchiveFailsBeforeAnythingIsRestored() {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                List.of(new DatabaseSpec.DrillCheck("invoices", 1L, null, null))));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(PostgresClientTools.find());
        backups.backup(env, shop, BackupReason.SCHEDULED, "rev-1");

        DrillRunner.DrillResult drill = backups.drill(env, shop);

        assertThat(drill.passed()).isFalse();
        assertThat(drill.message()).contains("failed deep verification: the archive has no table public.invoices")
                .doesNotContain("is missing");
    }

    @Test
    void aPgDumpKilledMidwayLeavesNoBackupCountedAsGood() throws IOException {
        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path pgDump = fakeBin.resolve("pg_dump");
        // writes part of a dump, then dies as if killed (SIGKILL)
        Files.writeString(pgDump, "#!/bin/sh\nfor a in \"$@\"; do case $a in --file=*) f=${a#--file=};; esac; done\n"
                + "head -c 100000 /dev/urandom > \"$f\"\nkill -9 $$\n");
        Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwxr-xr-x"));
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("dest").toString(),
                checks(1, "ok")));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(new PostgresClientTools(pgDump, PostgresClientTools.find().pgRestore()));
        BackupCatalog catalog = new BackupCatalog(store);
        List<Long> before = catalog.entries("acme", "production", "shop").stream().map(CatalogEntry::id).toList();

        assertThatThrownBy(() -> backups.backup(env, shop, BackupReason.SCHEDULED, "rev-1"))
                .isInstanceOf(BackupException.class).hasMessageContaining("pg_dump");

        // a daemon killed while storing leaves a hidden partial file: it is not a backup either
        Path folder = Files.createDirectories(dir.resolve("dest/acme/production/shop"));
        Files.writeString(folder.resolve(".shop-20260101T030000000Z-scheduled-0000.dump.partial"), "half");
        Files.writeString(folder.resolve(".shop-20260101T030000000Z-scheduled-0000.json.partial"), "{\"na");
        assertThat(BackupRunner.list(first(backups, env, shop))).isEmpty();
        assertThat(first(backups, env, shop).keys()).isEmpty();
        assertThat(catalog.entries("acme", "production", "shop")).filteredOn(e -> !before.contains(e.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.good()).isFalse();
                    assertThat(e.status()).isEqualTo(CatalogEntry.FAILED);
                });
        assertThat(Files.list(dir.resolve("work")).toList()).isEmpty();
    }
}
