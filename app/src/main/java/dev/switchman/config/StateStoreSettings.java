package dev.switchman.config;

import java.util.Map;
import java.util.Properties;

/**
 * Whether Switchman was told where its state store is, judged before Quarkus starts (so that
 * {@code switchman serve} can start an embedded PostgreSQL when it was not).
 */
public final class StateStoreSettings {

    private StateStoreSettings() {
    }

    /**
     * True when {@code DATABASE_URL}, {@code QUARKUS_DATASOURCE_JDBC_URL} or the system property
     * {@code quarkus.datasource.jdbc.url} is set to something non-blank.
     */
    public static boolean configured(Map<String, String> environment, Properties systemProperties) {
        return present(environment.get(DatabaseUrlConfigSourceFactory.VARIABLE))
                || present(environment.get("QUARKUS_DATASOURCE_JDBC_URL"))
                || present(systemProperties.getProperty("quarkus.datasource.jdbc.url"));
    }

    /** {@link #configured(Map, Properties)} for this process. */
    public static boolean configured() {
        return configured(System.getenv(), System.getProperties());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
