package dev.switchman.cli;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.Secrets;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Switchman's state store for a command that runs without the daemon: {@code DATABASE_URL} from the secrets
 * directory or the environment, as the daemon would take it. Commands that only read the destination or the
 * application database work without it and say what they could not show.
 */
final class StateStoreConnection {

    static final String SECRET = "DATABASE_URL";

    private StateStoreConnection() {
    }

    static Optional<DataSource> lookup(Secrets secrets) {
        return secrets.lookup(SECRET).map(url -> {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(parsed.jdbcUrl());
            dataSource.setUser(parsed.username());
            dataSource.setPassword(parsed.password());
            return dataSource;
        });
    }
}
