package dev.switchman.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlConfigSourceFactoryTest {

    private static SmallRyeConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new DatabaseUrlConfigSourceFactory())
                .build();
    }

    @Test
    void databaseUrlConfiguresTheDatasource() {
        SmallRyeConfig config = config(Map.of("DATABASE_URL", "postgresql://app:p%40ss@db:5432/state?sslmode=require"));

        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://db:5432/state?sslmode=require");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("app");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("p@ss");
    }

    @Test
    void explicitDatasourceSettingsWin() {
        SmallRyeConfig config = config(Map.of(
                "DATABASE_URL", "postgresql://app:secret@db:5432/state",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://other:5432/explicit",
                "quarkus.datasource.username", "explicit"));

        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://other:5432/explicit");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("explicit");
        assertThat(config.getOptionalValue("quarkus.datasource.password", String.class)).isEmpty();
    }

    @Test
    void withoutDatabaseUrlNothingIsAdded() {
        assertThat(config(Map.of()).getOptionalValue("quarkus.datasource.jdbc.url", String.class)).isEmpty();
    }
}
