package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.VariableValue;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An application database {@code shop} to back up, and the desired state that backs it up. */
final class BackupFixture {

    static final String URL_SECRET = "SHOP_DATABASE_URL";

    private BackupFixture() {
    }

    /** Creates {@code name} with a table {@code orders} of {@code rows} rows and {@code settings(v)} = 'ok'. */
    static String applicationDatabase(TestPostgres postgres, String name, int rows) throws SQLException {
        postgres.createDatabase(name);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(name), postgres.username(), "");
                Statement s = c.createStatement()) {
            s.execute("create table orders (id bigint primary key, note text)");
            s.execute("insert into orders select g, 'order ' || g from generate_series(1, " + rows + ") g");
            s.execute("create table settings (v text)");
            s.execute("insert into settings values ('ok')");
        }
        return postgres.databaseUrl(name);
    }

    static DatabaseSpec.BackupSpec spec(String directory, List<DatabaseSpec.DrillCheck> checks) {
        return new DatabaseSpec.BackupSpec("0 3 * * *", new DatabaseSpec.Retention(7, 4, 12),
                new DatabaseSpec.BackupDestination.Filesystem(directory), true, Duration.ofDays(14),
                new DatabaseSpec.RestoreDrill("0 5 * * 0", checks));
    }

    static DesiredEnvironment environment(DatabaseSpec.BackupSpec spec) {
        DatabaseSpec shop = new DatabaseSpec("shop", null, new VariableValue.SecretRef(URL_SECRET), null, spec);
        return new DesiredEnvironment("acme", "production", null, Map.of(), Map.of(), Map.of("shop", shop),
                Policy.DEFAULT, SourceLocation.UNKNOWN);
    }
}
