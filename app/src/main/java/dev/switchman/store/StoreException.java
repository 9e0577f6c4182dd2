package dev.switchman.store;

import java.sql.SQLException;

/** The state store could not do what was asked; the message names the statement, never its values. */
public final class StoreException extends RuntimeException {

    public StoreException(String sql, SQLException cause) {
        super("state store: " + cause.getMessage() + " (in: " + sql.strip().replaceAll("\\s+", " ") + ")", cause);
    }
}
