package dev.switchman.migrate;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.VariableValue;
import dev.switchman.testing.StoreTables;
import dev.switchman.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server holding Switchman's store (database {@code switchman}) and, per test, a
 * separate application database; a migrations folder in a temp dir; a clock tests move by hand.
 */
final class MigrationFixture {

    static final String SECRET = "APP_DATABASE_URL";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    final TestPostgres postgres;
    final PGSimpleDataSource store;
    final String appDatabase;
    final Path root;
    final Path scripts;
    Instant now = Instant.parse("2026-11-21T06:00:00Z");
    final List<String> backupsTaken = new ArrayList<>();

    MigrationFixture(TestPostgres postgres, Path root) {
        this.postgres = postgres;
        this.store = postgres.store();
        this.root = root;
        this.appDatabase = "app_" + DATABASES.incrementAndGet();
        StoreTables.truncateAll(store);
        postgres.createDatabase(appDatabase);
        this.scripts = root.resolve("migrations");
        try {
            Files.createDirectories(scripts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL as Railway would inject it. */
    String databaseUrl() {
        return postgres.databaseUrl(appDatabase);
    }

    /** The physical database's key, as its URL gives it. */
    DatabaseKey key() {
        return DatabaseKey.ofUrl(DatabaseUrl.parse(databaseUrl()));
    }

    void script(String name, String sql) {
        try {
            Files.writeString(scripts.resolve(name), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteScript(String name) {
        try {
            Files.delete(scripts.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DesiredEnvironment environment(boolean dryRunFirst, boolean backupBeforeMigrations) {
        DatabaseSpec.BackupSpec backups = backupBeforeMigrations ? new DatabaseSpec.BackupSpec("0 3 * * *",
                new DatabaseSpec.Retention(7, 4, 12), new DatabaseSpec.BackupDestination.Filesystem("/tmp/unused"),
                true, Duration.ofDays(30), null) : null;
        DatabaseSpec app = new DatabaseSpec("app", null, new VariableValue.SecretRef(SECRET),
                new DatabaseSpec.MigrationSpec("migrations", null, null, dryRunFirst, Duration.ofMinutes(15)), backups);
        return new DesiredEnvironment("shop", "production", null, Map.of(), Map.of(), Map.of("app", app),
                Policy.DEFAULT, null);
    }

    /** Staging of the same project, declaring the same database (the same URL secret). */
    DesiredEnvironment staging(boolean dryRunFirst, boolean backupBeforeMigrations) {
        DesiredEnvironment production = environment(dryRunFirst, backupBeforeMigrations);
        return new DesiredEnvironment(production.project(), "staging", null, Map.of(), Map.of(),
                production.databases(), production.policy(), null);
    }

    /** {@code environment} with its database declared as the physical database {@code id}. */
    DesiredEnvironment withId(DesiredEnvironment environment, String id) {
        DatabaseSpec app = environment.databases().get("app");
        return new DesiredEnvironment(environment.project(), environment.name(), null, Map.of(), Map.of(),
                Map.of("app", new DatabaseSpec(app.name(), app.service(), app.url(), app.migrations(), app.backups(), id)),
                environment.policy(), null);
    }

    PreMigrationBackup recordingBackup() {
        return (environment, database, revision) -> {
            backupsTaken.add(database.name() + "@" + revision);
            return new PreMigrationBackup.BackupReceipt("backup-" + backupsTaken.size(), "/backups/" + database.name(), now);
        };
    }

    DatabaseMigrator migrator(String runner, Optional<PreMigrationBackup> backup) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store), backup, runner, clock);
    }

    MigrationGate gate(String runner, Optional<PreMigrationBackup> backup) {
        return new MigrationGate(name -> name.equals(SECRET) ? Optional.of(databaseUrl()) : Optional.empty(),
                () -> root, MigrationGate.MissingUrl.STALL, migrator(runner, backup));
    }

    /** Versions in the application database's Flyway history, successful ones only, oldest first. */
    List<String> appliedVersions() {
        return strings("select version from flyway_schema_history where success and version is not null"
                + " order by installed_rank", true);
    }

    /** Runs {@code sql} on the application database, outside any migration. */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(appDatabase), postgres.username(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A script that calls {@link #probeCalls()}'s sequence: sequences advance even in a transaction that is
     * rolled back, so the count says how often the script ran, dry runs included.
     */
    String probed(String sql) {
        // in a schema of its own: Flyway refuses to start on a non-empty public schema without its history
        execute("create schema if not exists probe; create sequence if not exists probe.script_runs");
        return sql + "\nselect nextval('probe.script_runs');\n";
    }

    /** How often a {@link #probed} script ran, dry runs included. */
    long probeCalls() {
        return Long.parseLong(strings("select case when is_called then last_value else 0 end from probe.script_runs", false)
                .get(0));
    }

    List<String> tables() {
        return strings("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name", false);
    }

    private List<String> strings(String sql, boolean historyTable) {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(appDatabase), postgres.username(), "");
                Statement s = c.createStatement()) {
            if (historyTable) {
                try (ResultSet exists = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                    exists.next();
                    if (!exists.getBoolean(1)) {
                        return List.of();
                    }
                }
            }
            List<String> result = new ArrayList<>();
            try (ResultSet rows = s.executeQuery(sql)) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
