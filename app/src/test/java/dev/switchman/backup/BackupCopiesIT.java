package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.VariableValue;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * 3-2-1 backups against a real PostgreSQL, real pg_dump / pg_restore, a directory and a real S3-compatible
 * server (s3rver): every copy written and verified, restorable from each destination, retention per
 * destination, and a copy that cannot be written failing that destination only.
 */
class BackupCopiesIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static PGSimpleDataSource store;
    private static String shopUrl;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T03:00:00Z"));
    private BackupCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        store = postgres.store();
        shopUrl = BackupFixture.applicationDatabase(postgres, "shop", 1500);
    }

    @BeforeEach
    void clean() throws Exception {
        postgres.truncateStore();
        catalog = new BackupCatalog(store);
    }

    private DatabaseBackups backups(Map<String, String> secrets) {
        return new DatabaseBackups(new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"),
                clock), catalog, new EventRepository(store), new EnvironmentSecrets(null, secrets), clock);
    }

    private static DesiredEnvironment shopBackedUpTo(List<DatabaseSpec.BackupDestination> destinations) {
        return BackupFixture.environment(new DatabaseSpec.BackupSpec("0 3 * * *", new DatabaseSpec.Retention(7, 4, 12),
                destinations, true, Duration.ZERO, null));
    }

    @Test
    void oneBackupIsWrittenAndVerifiedInAFilesystemAndAnS3DestinationAndRestoresFromEach() throws Exception {
        try (S3rverProcess s3 = S3rverProcess.start(Files.createDirectories(dir.resolve("s3")))) {
            DesiredEnvironment env = shopBackedUpTo(List.of(
                    new DatabaseSpec.BackupDestination.Filesystem(dir.resolve("volume").toString()),
                    new DatabaseSpec.BackupDestination.S3("backups", "offsite", s3.endpoint(), "us-east-1", true,
                            new VariableValue.SecretRef("S3_KEY"), new VariableValue.SecretRef("S3_SECRET"))));
            DatabaseSpec shop = env.databases().get("shop");
            DatabaseBackups backups = backups(Map.of(BackupFixture.URL_SECRET, shopUrl, "S3_KEY", "S3RVER",
                    "S3_SECRET", "S3RVER"));

            BackupResult result = backups.backup(env, shop, BackupReason.MANUAL, "rev-1");
            List<Destination> destinations = backups.destinations(env, shop);
            postgres.createDatabase("shop_from_volume");
            postgres.createDatabase("shop_from_s3");
            BackupRunner runner = new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"), clock);
            for (Destination destination : destinations) {
                String into = destination.position() == 1 ? "shop_from_volume" : "shop_from_s3";
                runner.restore(destination.storage(), BackupRunner.find(destination.storage(), null).orElseThrow(),
                        backups.source(shop).withDatabase(postgres.physicalName(into)));
            }

            assertThat(result.copies()).extracting(CopyResult::destination, CopyResult::stored).containsExactly(
                    Tuple.tuple(dir.resolve("volume/acme/production/shop").toString(), true),
                    Tuple.tuple("s3://backups/offsite/acme/production/shop/", true));
            assertThat(catalog.entries("acme", "production", "shop")).hasSize(2).allSatisfy(copy -> {
                assertThat(copy.name()).isEqualTo(result.manifest().name());
                assertThat(copy.verified()).isTrue();
            });
            assertThat(result.manifest().tables()).containsExactly("public.orders", "public.settings");
            assertThat(rows("shop_from_volume")).isEqualTo(1500);
            assertThat(rows("shop_from_s3")).isEqualTo(1500);
        }
    }

    @Test
    void aCopyThatCannotBeWrittenFailsThatDestinationOnlyAndEachDestinationKeepsItsOwnRetention() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "where a directory should be");
        DesiredEnvironment env = shopBackedUpTo(List.of(
                new DatabaseSpec.BackupDestination.Filesystem(dir.resolve("volume").toString()),
                new DatabaseSpec.BackupDestination.Filesystem(dir.resolve("second").toString(),
                        new DatabaseSpec.Retention(1, 0, 0)),
                new DatabaseSpec.BackupDestination.Filesystem(notADirectory.resolve("broken").toString())));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(Map.of(BackupFixture.URL_SECRET, shopUrl));

        BackupResult monday = backups.backup(env, shop, BackupReason.MANUAL, "rev-1");
        clock.advance(Duration.ofDays(1));
        BackupResult tuesday = backups.backup(env, shop, BackupReason.MANUAL, "rev-1");

        assertThat(tuesday.failedCopies()).singleElement()
                .satisfies(copy -> assertThat(copy.destination()).endsWith("plain-file/broken/acme/production/shop"));
        List<Destination> destinations = backups.destinations(env, shop);
        assertThat(BackupRunner.list(destinations.get(0).storage())).extracting(BackupManifest::name)
                .containsExactly(tuesday.manifest().name(), monday.manifest().name());
        assertThat(BackupRunner.list(destinations.get(1).storage())).extracting(BackupManifest::name)
                .containsExactly(tuesday.manifest().name());
        assertThat(catalog.entries("acme", "production", "shop"))
                .filteredOn(e -> e.destination().equals(destinations.get(2).label()))
                .extracting(CatalogEntry::status).containsOnly(CatalogEntry.FAILED);
        assertThat(catalog.entries("acme", "production", "shop"))
                .filteredOn(e -> e.destination().equals(destinations.get(1).label()))
                .extracting(CatalogEntry::status).containsExactly(CatalogEntry.COMPLETED, CatalogEntry.DELETED);
        assertThat(new EventRepository(store).recent("acme", "production", 20)).extracting(EnvironmentEvent::reason)
                .containsOnly("BackupFailed").hasSize(2);
    }

    @Test
    void everyBackupIsFollowedByRetentionWhateverItsReason() {
        DesiredEnvironment env = BackupFixture.environment(new DatabaseSpec.BackupSpec("0 3 * * *",
                new DatabaseSpec.Retention(1, 0, 0), new DatabaseSpec.BackupDestination.Filesystem(
                        dir.resolve("volume").toString()), true, Duration.ZERO, null));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(Map.of(BackupFixture.URL_SECRET, shopUrl));

        String manual = backups.backup(env, shop, BackupReason.MANUAL, null).manifest().name();
        clock.advance(Duration.ofDays(1));
        String preMigration = new PreMigrationBackups(backups, null, (e, s) -> Optional.empty())
                .take(env, shop, "rev-2").dumpBackup();
        clock.advance(Duration.ofDays(1));
        String anotherManual = backups.backup(env, shop, BackupReason.MANUAL, null).manifest().name();

        assertThat(catalog.entries("acme", "production", "shop")).extracting(CatalogEntry::name, CatalogEntry::status)
                .containsExactly(Tuple.tuple(anotherManual, CatalogEntry.COMPLETED),
                        Tuple.tuple(preMigration, CatalogEntry.DELETED),
                        Tuple.tuple(manual, CatalogEntry.DELETED));
        assertThat(backups.destinations(env, shop).get(0).storage().keys())
                .containsExactlyInAnyOrder(anotherManual + ".dump", anotherManual + ".json");
    }

    @Test
    void orphanedFilesAreListedByADryRunAndDeletedAfterTheNextBackup() throws Exception {
        DesiredEnvironment env = BackupFixture.environment(BackupFixture.spec(dir.resolve("volume").toString(), List.of()));
        DatabaseSpec shop = env.databases().get("shop");
        DatabaseBackups backups = backups(Map.of(BackupFixture.URL_SECRET, shopUrl));
        String kept = backups.backup(env, shop, BackupReason.MANUAL, null).manifest().name();
        Path folder = dir.resolve("volume/acme/production/shop");
        // a dump whose manifest a crash never wrote, a lone manifest, and a complete backup the catalog never saw
        Files.writeString(folder.resolve("shop-20261001T030000Z-scheduled-0a1b.dump"), "half a backup");
        Files.writeString(folder.resolve("shop-20261002T030000Z-manual-0c1d.json"), "{}");
        Files.writeString(folder.resolve("shop-20261003T030000Z-manual-0e1f.dump"), "taken without the state store");
        Files.writeString(folder.resolve("shop-20261003T030000Z-manual-0e1f.json"), "{}");
        Files.writeString(folder.resolve("notes.txt"), "not ours");

        List<DatabaseBackups.Pruning> dryRun = backups.prune(env, shop, false);
        List<String> afterDryRun = backups.destinations(env, shop).get(0).storage().keys();
        clock.advance(Duration.ofDays(1));
        String next = backups.backup(env, shop, BackupReason.MANUAL, null).manifest().name();

        assertThat(dryRun).extracting(DatabaseBackups.Pruning::object).containsExactly(
                "shop-20261001T030000Z-scheduled-0a1b.dump", "shop-20261002T030000Z-manual-0c1d.json");
        assertThat(dryRun).allSatisfy(p -> assertThat(p.reason()).startsWith("orphan"));
        assertThat(afterDryRun).contains("shop-20261001T030000Z-scheduled-0a1b.dump");
        assertThat(backups.destinations(env, shop).get(0).storage().keys()).containsExactlyInAnyOrder(
                kept + ".dump", kept + ".json", next + ".dump", next + ".json", "notes.txt",
                "shop-20261003T030000Z-manual-0e1f.dump", "shop-20261003T030000Z-manual-0e1f.json");
    }

    private static long rows(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from orders")) {
            r.next();
            return r.getLong(1);
        }
    }
}
