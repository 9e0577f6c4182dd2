package dev.switchman.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StateStoreSettingsTest {

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void anyOfTheThreeWaysCounts() {
        assertThat(StateStoreSettings.configured(Map.of("DATABASE_URL", "postgresql://h/db"), new Properties())).isTrue();
        assertThat(StateStoreSettings.configured(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://h/db"),
                new Properties())).isTrue();
        assertThat(StateStoreSettings.configured(Map.of(),
                properties("quarkus.datasource.jdbc.url", "jdbc:postgresql://h/db"))).isTrue();
    }

    @Test
    void nothingOrBlankMeansNotConfigured() {
        assertThat(StateStoreSettings.configured(Map.of("DATABASE_URL", " "), new Properties())).isFalse();
        assertThat(StateStoreSettings.configured(Map.of("QUARKUS_DATASOURCE_USERNAME", "u"), new Properties())).isFalse();
    }
}
