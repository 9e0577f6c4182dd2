package dev.switchman.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A JDBC connection to an application database; a failure to connect is {@link DatabaseUnreachable}, redacted. */
final class Connections {

    private Connections() {
    }

    static Connection open(MigrationTarget target) {
        Properties credentials = new Properties();
        if (target.connection().username() != null) {
            credentials.setProperty("user", target.connection().username());
        }
        if (target.connection().password() != null) {
            credentials.setProperty("password", target.connection().password());
        }
        credentials.setProperty("ApplicationName", "switchman");
        try {
            return DriverManager.getConnection(target.connection().jdbcUrl(), credentials);
        } catch (SQLException e) {
            throw new DatabaseUnreachable(target.redaction().apply(e.getMessage()));
        }
    }
}
