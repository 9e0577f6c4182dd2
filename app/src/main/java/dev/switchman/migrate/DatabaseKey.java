package dev.switchman.migrate;

import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.Secrets;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Which physical database a declared one is, so that every environment declaring it shares one lease,
 * one run log and one schema fingerprint: the declared {@code id}, else the host(s), port and database
 * name of its URL ({@code postgresql://host:5432/db}; no user, no password, no parameters).
 */
public record DatabaseKey(String value) {

    private static final String DEFAULT_PORT = "5432";

    /** The key of {@code database} whose URL parsed to {@code url}. */
    public static DatabaseKey of(DatabaseSpec database, DatabaseUrl url) {
        return database.id() != null ? declared(database.id()) : ofUrl(url);
    }

    /** The key of a database declared with {@code id}. */
    public static DatabaseKey declared(String id) {
        return new DatabaseKey("id:" + id);
    }

    /** The key as far as it can be known without connecting: empty when neither an id nor a usable URL is there. */
    public static Optional<DatabaseKey> lookup(DatabaseSpec database, Secrets secrets) {
        if (database.id() != null) {
            return Optional.of(declared(database.id()));
        }
        try {
            return Optional.ofNullable(database.url()).flatMap(ref -> secrets.lookup(ref.name()))
                    .map(raw -> ofUrl(DatabaseUrl.parse(raw)));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    static DatabaseKey ofUrl(DatabaseUrl url) {
        String rest = url.jdbcUrl().substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        String hostsAndDatabase = query < 0 ? rest : rest.substring(0, query);
        int slash = hostsAndDatabase.indexOf('/');
        StringJoiner hosts = new StringJoiner(",");
        for (String host : hostsAndDatabase.substring(0, slash).split(",")) {
            hosts.add(withPort(host.toLowerCase(Locale.ROOT)));
        }
        return new DatabaseKey("postgresql://" + hosts + "/" + hostsAndDatabase.substring(slash + 1));
    }

    private static String withPort(String host) {
        int bracket = host.lastIndexOf(']');
        boolean hasPort = host.lastIndexOf(':') > bracket;
        return hasPort ? host : host + ":" + DEFAULT_PORT;
    }

    @Override
    public String toString() {
        return value;
    }
}
