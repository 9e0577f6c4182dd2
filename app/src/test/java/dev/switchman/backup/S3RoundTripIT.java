package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.VariableValue;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Backup to a real S3-compatible server (s3rver), list, verify and restore from it. */
class S3RoundTripIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    Path dir;

    @Test
    void aBackupStoredInS3RestoresAndACorruptedOneIsRefused() throws Exception {
        try (S3rverProcess s3 = S3rverProcess.start(Files.createDirectories(dir.resolve("s3")))) {
            String url = BackupFixture.applicationDatabase(postgres, "shop", 2000);
            DatabaseSpec.BackupDestination.S3 destination = new DatabaseSpec.BackupDestination.S3("backups",
                    "switchman", s3.endpoint(), "us-east-1", true, new VariableValue.SecretRef("S3_KEY"),
                    new VariableValue.SecretRef("S3_SECRET"));
            BackupStorage storage = BackupStorage.open(destination,
                    new EnvironmentSecrets(null, Map.of("S3_KEY", "S3RVER", "S3_SECRET", "S3RVER")),
                    "acme", "production", "shop");
            BackupRunner runner = new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"),
                    Clock.systemUTC());

            BackupManifest manifest = runner.backup(new BackupRunner.Target("acme", "production", "shop",
                    DatabaseTarget.parse(url), storage, null), BackupReason.MANUAL, "rev-1").manifest();
            postgres.createDatabase("shop_restored");
            runner.restore(storage, BackupRunner.find(storage, null).orElseThrow(),
                    DatabaseTarget.parse(url).withDatabase(postgres.physicalName("shop_restored")));

            assertThat(storage.keys()).containsExactlyInAnyOrder(manifest.dumpKey(), manifest.manifestKey());
            assertThat(storage.describe()).isEqualTo("s3://backups/switchman/acme/production/shop/");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("shop_restored"), postgres.username(), "");
                    Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from orders")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(2000);
            }

            Path corrupt = Files.writeString(dir.resolve("corrupt.dump"), "not the dump");
            storage.put(manifest.dumpKey(), corrupt);
            assertThatThrownBy(() -> BackupRunner.fetchVerified(storage, manifest, dir.resolve("fetched")))
                    .hasMessageContaining("SHA-256");
        }
    }
}
