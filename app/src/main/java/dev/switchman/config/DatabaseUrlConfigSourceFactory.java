package dev.switchman.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code DATABASE_URL} (libpq form, as Railway injects it) into
 * {@code quarkus.datasource.jdbc.url}, {@code .username} and {@code .password}.
 *
 * <p>Registered through {@code META-INF/services}, which Quarkus also honours in a native image.
 * Explicit settings win: when {@code quarkus.datasource.jdbc.url} is set anywhere, this source adds
 * nothing, and its ordinal sits below environment variables and above application.properties.
 */
public final class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    static final String VARIABLE = "DATABASE_URL";
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue databaseUrl = context.getValue(VARIABLE);
        ConfigValue explicitUrl = context.getValue("quarkus.datasource.jdbc.url");
        if (databaseUrl == null || databaseUrl.getValue() == null || databaseUrl.getValue().isBlank()
                || (explicitUrl != null && explicitUrl.getValue() != null)) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(properties(DatabaseUrl.parse(databaseUrl.getValue().strip())),
                "DATABASE_URL", ORDINAL));
    }

    static Map<String, String> properties(DatabaseUrl url) {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
        if (url.username() != null) {
            properties.put("quarkus.datasource.username", url.username());
        }
        if (url.password() != null) {
            properties.put("quarkus.datasource.password", url.password());
        }
        return properties;
    }
}
