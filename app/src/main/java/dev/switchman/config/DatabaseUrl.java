package dev.switchman.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A libpq connection URI ({@code postgresql://user:pass@host:port/db?sslmode=require}, also
 * {@code postgres://}, the form Railway and Heroku inject as {@code DATABASE_URL}) turned into
 * what the PostgreSQL JDBC driver takes. User and password are percent-decoded; query parameters
 * the driver understands are kept, renamed where their names differ, the others dropped.
 *
 * @param password never printed: {@link #toString()} hides it
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    /** libpq parameter name to pgjdbc parameter name, for the ones pgjdbc knows. */
    private static final Map<String, String> KNOWN_PARAMETERS = Map.ofEntries(
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("options", "options"),
            Map.entry("currentSchema", "currentSchema"));

    /** Parses {@code uri}; the exception message never contains the password. */
    public static DatabaseUrl parse(String uri) {
        String rest;
        if (uri.startsWith("postgresql://")) {
            rest = uri.substring("postgresql://".length());
        } else if (uri.startsWith("postgres://")) {
            rest = uri.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// or postgres://");
        }
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        // the last '@' ends the credentials, so an unencoded '@' or '/' in a password still parses
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? "" : beforeQuery.substring(0, at);
        String hostAndPath = beforeQuery.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String database = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL names no host");
        }

        int colon = userInfo.indexOf(':');
        String username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));

        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            switch (name) {
                case "user" -> username = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                default -> {
                    if (KNOWN_PARAMETERS.containsKey(name)) {
                        parameters.put(KNOWN_PARAMETERS.get(name), value);
                    }
                }
            }
        }
        StringJoiner jdbcQuery = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> jdbcQuery.add(name + "=" + encode(value)));
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + database + jdbcQuery;
        return new DatabaseUrl(jdbcUrl, username.isEmpty() ? null : username, password);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + "]";
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length()
                    && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
