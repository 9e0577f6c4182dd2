package dev.switchman.bench;

import dev.switchman.backup.BackupManifest;
import dev.switchman.backup.BackupReason;
import dev.switchman.backup.BackupRunner;
import dev.switchman.backup.DatabaseTarget;
import dev.switchman.backup.FilesystemStorage;
import dev.switchman.backup.PgProcesses;
import dev.switchman.backup.PostgresClientTools;
import dev.switchman.store.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prints backup, verify, deep-verify and restore times and sizes for a generated database of about
 * {@code megabytes} MB (rows of numbers and random-looking text, so the dump does not shrink to
 * nothing), on an embedded PostgreSQL with the real pg_dump / pg_restore and a filesystem
 * destination. A program, not a test: run {@code bench/backup-benchmark.sh [megabytes]}.
 */
public final class BackupBenchmark {

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("switchman-backup-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            postgres.createDatabase("bench");
            postgres.createDatabase("bench_restored");
            long rows = megabytes * 5_200L;
            long generated = time(() -> sql(postgres, "bench", """
                    create table orders (id bigint primary key, customer int, amount numeric(12,2), note text,
                        created_at timestamptz);
                    insert into orders select g, mod(g::bigint * 7919, 100000), mod(g, 100000) / 100.0,
                        md5(g::text) || md5((g * 31)::text) || md5((g * 17)::text), now() - g * interval '1 second'
                    from generate_series(1, %d) g;
                    """.formatted(rows)));
            long databaseBytes = size(postgres, "bench");
            String url = postgres.databaseUrl("bench");
            FilesystemStorage storage = new FilesystemStorage(dir.resolve("dest"));
            BackupRunner runner = new BackupRunner(new PgProcesses(PostgresClientTools.find()), dir.resolve("work"),
                    Clock.systemUTC());

            BackupManifest[] manifest = new BackupManifest[1];
            long backup = time(() -> manifest[0] = runner.backup(new BackupRunner.Target("bench", "production",
                    "bench", DatabaseTarget.parse(url), storage, null), BackupReason.MANUAL, "bench").manifest());
            long verify = time(() -> BackupRunner.fetchVerified(storage, manifest[0], dir.resolve("verify.dump")));
            long deepVerify = time(() -> runner.verifyDeep(storage, manifest[0], List.of()));
            long restore = time(() -> runner.restore(storage, manifest[0],
                    DatabaseTarget.parse(url).withDatabase("bench_restored")));

            System.out.printf(Locale.ROOT, "database: %d rows, %.1f MB (pg_database_size), generated in %d ms%n", rows,
                    databaseBytes / 1e6, generated);
            System.out.printf(Locale.ROOT, "backup (pg_dump -Fc, sha256, store, read back + sha256): %d ms, dump %.1f MB%n", backup,
                    manifest[0].sizeBytes() / 1e6);
            System.out.printf(Locale.ROOT, "verify (fetch + sha256): %d ms%n", verify);
            System.out.printf(Locale.ROOT, "deep verify (fetch + sha256 + pg_restore --list, %d table(s)): %d ms%n",
                    manifest[0].tables().size(), deepVerify);
            System.out.printf(Locale.ROOT, "restore (deep verify + pg_restore): %d ms, restored %.1f MB%n", restore,
                    size(postgres, "bench_restored") / 1e6);
            System.out.printf(Locale.ROOT, "pre-migration backup (dump, store, read back and verify): %d ms%n", backup);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sql(EmbeddedPostgres postgres, String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long size(EmbeddedPostgres postgres, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }
}
