package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.testing.BackupTrees;
import dev.switchman.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchman backup now|list|verify|restore} on a real database; restore's safety rules. */
class BackupCommandIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres.createDatabase("shop");
        postgres.createDatabase("other");
        execute("shop", "create table orders (id int); insert into orders select generate_series(1, 300)");
        execute("other", "create table orders (id int); insert into orders values (42)");
        BackupTrees.write(dir.resolve("desired"), dir.resolve("backups"), "");
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("SHOP_DATABASE_URL"), url("shop"));
    }

    private static String url(String database) {
        return postgres.databaseUrl(database);
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long rows(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from orders")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static CommandRun backup(String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "backup";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--env", "acme/production", "--dir", dir.resolve("desired").toString(),
                "--secrets-dir", dir.resolve("secrets").toString()}, 0, all, args.length + 1, 6);
        return CommandRun.of(all);
    }

    @Test
    void backupListVerifyAndRestoreTheNamedDatabase() throws Exception {
        CommandRun now = backup("now", "--database", "shop");
        CommandRun list = backup("list", "--database", "shop");
        CommandRun verify = backup("verify", "--database", "shop");
        execute("shop", "delete from orders");
        CommandRun restore = backup("restore", "--database", "shop", "--yes");

        assertThat(now.exitCode()).as(now.err()).isZero();
        assertThat(list.out()).contains(now.out().split(" ")[0]).contains("manual");
        assertThat(verify.out()).contains("checksum OK");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(rows("shop")).isEqualTo(300);
        assertThat(rows("other")).isEqualTo(1);
    }

    @Test
    void jsonShowsEachBackupsManifest() throws Exception {
        JsonNode taken = Documents.JSON.readTree(backup("now", "--database", "shop", "-o", "json").out());
        JsonNode listed = Documents.JSON.readTree(backup("list", "--database", "shop", "-o", "json").out());
        JsonNode verified = Documents.JSON.readTree(backup("verify", "--database", "shop", "--backup",
                taken.path("name").asText(), "-o", "json").out());

        String name = taken.path("name").asText();
        assertThat(taken.path("database").asText()).isEqualTo("shop");
        assertThat(taken.path("reason").asText()).isEqualTo("manual");
        assertThat(taken.path("sha256").asText()).hasSize(64);
        assertThat(taken.path("sizeBytes").asLong()).isPositive();
        assertThat(taken.path("copies").get(0).path("stored").asBoolean()).isTrue();
        assertThat(listed.get(0).path("destination").asInt()).isEqualTo(1);
        assertThat(listed.get(0).path("backups")).anySatisfy(b -> assertThat(b.path("name").asText()).isEqualTo(name));
        assertThat(verified.path("checksum").asText()).isEqualTo("ok");
        assertThat(verified.path("archive").isNull()).isTrue();
        assertThat(verified.path("backup").path("sha256")).isEqualTo(taken.path("sha256"));
    }

    @Test
    void deepVerifyReadsTheArchiveAndPruneListsOrphansInADryRunBeforeDeletingThem() throws Exception {
        Path secrets = dir.resolve("secrets");
        CommandRun withoutStore = backup("prune", "--database", "shop", "--dry-run");
        Files.writeString(secrets.resolve("DATABASE_URL"), url(TestPostgres.STORE));
        try {
            CommandRun now = backup("now", "--database", "shop");
            Path folder = dir.resolve("backups/acme/production/shop");
            Files.writeString(folder.resolve("shop-20200101T030000Z-scheduled-0a1b.dump"), "a crash left this");
            CommandRun deep = backup("verify", "--database", "shop", "--deep");
            CommandRun dryRun = backup("prune", "--database", "shop", "--dry-run");
            boolean keptByDryRun = Files.exists(folder.resolve("shop-20200101T030000Z-scheduled-0a1b.dump"));
            CommandRun prune = backup("prune", "--database", "shop");

            assertThat(withoutStore.exitCode()).isEqualTo(ExitCode.ERROR);
            assertThat(withoutStore.err()).contains("prune needs the state store's catalog: set DATABASE_URL");
            assertThat(now.exitCode()).as(now.err()).isZero();
            assertThat(now.out()).contains("stored and verified").doesNotContain("not recorded in the catalog");
            assertThat(deep.exitCode()).as(deep.err()).isZero();
            assertThat(deep.out()).contains("checksum OK").contains("archive OK (1 table(s) with data: public.orders)");
            assertThat(dryRun.out()).contains("would delete shop-20200101T030000Z-scheduled-0a1b.dump from "
                    + folder + " (orphan").contains("1 to delete (dry run: nothing deleted)");
            assertThat(keptByDryRun).isTrue();
            assertThat(prune.out()).contains("deleted shop-20200101T030000Z-scheduled-0a1b.dump");
            assertThat(folder.resolve("shop-20200101T030000Z-scheduled-0a1b.dump")).doesNotExist();
        } finally {
            Files.delete(secrets.resolve("DATABASE_URL"));
        }
    }

    @Test
    void restoreWithoutATerminalRefusesUnlessYesAndTouchesNothing() throws Exception {
        assertThat(backup("now", "--database", "shop").exitCode()).isZero();

        CommandRun refused = backup("restore", "--database", "shop", "--to", url("other"));

        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains("--yes").contains("nothing was restored").contains("/other");
        assertThat(rows("other")).isEqualTo(1);
    }

    @Test
    void aDatabaseThatIsNotDeclaredIsNeverRestored() {
        CommandRun run = backup("restore", "--database", "other", "--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("database 'other' is not declared");
    }
}
