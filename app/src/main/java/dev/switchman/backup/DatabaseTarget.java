package dev.switchman.backup;

import dev.switchman.config.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database to dump from or restore into, from a libpq URL ({@code postgresql://user:pass@host/db}).
 * The password is kept apart: {@link #uriWithoutPassword()} is what goes on a command line and
 * {@link #password()} goes to {@code PGPASSWORD}. {@link #toString()} never shows the password.
 */
public record DatabaseTarget(String uriWithoutPassword, String password, String database, DatabaseUrl jdbc) {

    /** Parses a libpq URL; the exception message never contains the password. */
    public static DatabaseTarget parse(String url) {
        DatabaseUrl jdbc = DatabaseUrl.parse(url);
        String scheme = url.substring(0, url.indexOf("://") + 3);
        String rest = url.substring(scheme.length());
        int query = rest.indexOf('?');
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int at = beforeQuery.lastIndexOf('@');
        String hostAndPath = beforeQuery.substring(at + 1);
        String user = jdbc.username() == null ? "" : encode(jdbc.username()) + "@";
        String params = query < 0 ? "" : withoutPassword(rest.substring(query + 1));
        int slash = hostAndPath.indexOf('/');
        String database = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        return new DatabaseTarget(scheme + user + hostAndPath + params, jdbc.password(), database, jdbc);
    }

    /** The same server, another database (a scratch database for a restore drill). */
    public DatabaseTarget withDatabase(String other) {
        String withoutQuery = uriWithoutPassword.contains("?")
                ? uriWithoutPassword.substring(0, uriWithoutPassword.indexOf('?')) : uriWithoutPassword;
        String query = uriWithoutPassword.contains("?") ? uriWithoutPassword.substring(uriWithoutPassword.indexOf('?')) : "";
        String base = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1);
        String jdbcBase = jdbc.jdbcUrl().substring(0, jdbc.jdbcUrl().lastIndexOf('/', jdbc.jdbcUrl().indexOf('?') < 0
                ? jdbc.jdbcUrl().length() : jdbc.jdbcUrl().indexOf('?')) + 1);
        String jdbcQuery = jdbc.jdbcUrl().contains("?") ? jdbc.jdbcUrl().substring(jdbc.jdbcUrl().indexOf('?')) : "";
        return new DatabaseTarget(base + other + query, password, other,
                new DatabaseUrl(jdbcBase + other + jdbcQuery, jdbc.username(), password));
    }

    /** A JDBC connection to this database. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (jdbc.username() != null) {
            properties.setProperty("user", jdbc.username());
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "switchman-backup");
        return DriverManager.getConnection(jdbc.jdbcUrl(), properties);
    }

    private static String withoutPassword(String query) {
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("password=")) {
                kept.append(kept.isEmpty() ? "?" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + uriWithoutPassword + "]";
    }
}
