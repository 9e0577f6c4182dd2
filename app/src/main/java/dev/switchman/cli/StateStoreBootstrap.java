package dev.switchman.cli;

import dev.switchman.config.StateStoreSettings;
import dev.switchman.store.EmbeddedPostgres;

/** Gives a command that starts Quarkus a state store: the configured one, or an embedded PostgreSQL. */
final class StateStoreBootstrap {

    private StateStoreBootstrap() {
    }

    /** Starts an embedded PostgreSQL when no database is configured; null when one is. */
    static EmbeddedPostgres ensure() {
        if (StateStoreSettings.configured()) {
            return null;
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.startForOwnState();
        embedded.datasourceProperties().forEach(System::setProperty);
        return embedded;
    }
}
