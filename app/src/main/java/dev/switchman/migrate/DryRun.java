package dev.switchman.migrate;

import dev.switchman.migrate.MigrationHistory.PendingScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pending scripts, in order, in ONE transaction against the live database and rolls it
 * back, to catch errors before the real run. Locks taken by the scripts are held until the rollback,
 * so a short {@code lock_timeout} keeps a dry run from queueing behind (and in front of) live traffic.
 *
 * <p>Stops before the first script with a statement that cannot run in a transaction
 * ({@link NonTransactionalStatements}); that script and the ones after it are reported as not
 * dry-run (they may depend on it) and are checked only by the real run. Flyway placeholders are not
 * replaced.
 */
public final class DryRun {

    /** What the dry run found. @param notCovered scripts it did not try, each with why */
    public record Result(List<String> passed, String failedScript, String message, List<String> notCovered) {

        public boolean failed() {
            return failedScript != null;
        }
    }

    public Result run(MigrationTarget target, List<PendingScript> pending) {
        List<String> passed = new ArrayList<>();
        List<String> notCovered = new ArrayList<>();
        String current = null;
        try (Connection connection = Connections.open(target)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = '10s'");
                for (PendingScript script : pending) {
                    String sql = read(target, script);
                    List<String> refused = NonTransactionalStatements.in(sql);
                    if (!refused.isEmpty() || !notCovered.isEmpty()) {
                        notCovered.add(script.file() + (refused.isEmpty() ? " (after a script that could not be dry-run)"
                                : " (cannot run in a transaction: " + String.join(", ", refused) + ")"));
                        continue;
                    }
                    current = script.file();
                    statement.execute(sql);
                    passed.add(script.file());
                }
            } finally {
                connection.rollback();
            }
            return new Result(passed, null, null, notCovered);
        } catch (SQLException e) {
            String script = current == null ? "(before the first script)" : current;
            return new Result(passed, script, target.redaction().apply(e.getMessage()), notCovered);
        }
    }

    private static String read(MigrationTarget target, PendingScript script) {
        try {
            return Files.readString(target.scripts().resolve(script.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + script.file(), e);
        }
    }
}
