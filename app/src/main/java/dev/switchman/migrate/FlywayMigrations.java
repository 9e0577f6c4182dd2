package dev.switchman.migrate;

import dev.switchman.migrate.HistoryDifference.Kind;
import dev.switchman.migrate.MigrationHistory.PendingScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;

/**
 * Flyway (the library) over one application database: its own history table there, scripts from
 * the filesystem. Read ({@link #history}) and write ({@link #migrate}) only; never clean, repair,
 * baseline or undo, so a history that disagrees with the repository stays visible until a person acts.
 */
public final class FlywayMigrations {

    /** The outcome of {@link #migrate}: the scripts applied, or the first that failed (earlier ones stay applied). */
    public sealed interface Run {
        record Applied(List<String> versions) implements Run {
        }

        record ScriptFailed(String script, String message, List<String> appliedBefore) implements Run {
        }
    }

    /**
     * The applied history against the repository's scripts.
     *
     * @throws DatabaseUnreachable when the database cannot be reached or read
     */
    public MigrationHistory history(MigrationTarget target) {
        try {
            return compare(flyway(target));
        } catch (FlywayException e) {
            throw new DatabaseUnreachable(target.redaction().apply(e.getMessage()));
        }
    }

    /** Applies the pending scripts in order, each in its own transaction where PostgreSQL allows it. */
    public Run migrate(MigrationTarget target) {
        List<PendingScript> pendingBefore = history(target).pending();
        Flyway flyway = flyway(target);
        try {
            MigrateResult result = flyway.migrate();
            return new Run.Applied(result.migrations.stream().map(m -> m.version).toList());
        } catch (FlywayException e) {
            return failed(target, pendingBefore, target.redaction().apply(e.getMessage()));
        }
    }

    /**
     * Which of the scripts pending before the run it applied, and which one failed: the one Flyway now
     * records as failed (a script run outside a transaction leaves a {@code success = false} row, which is
     * neither applied nor pending), else the first still pending.
     */
    private Run.ScriptFailed failed(MigrationTarget target, List<PendingScript> pendingBefore, String message) {
        Map<String, MigrationState> states = new HashMap<>();
        try {
            for (MigrationInfo info : flyway(target).info().all()) {
                if (info.getVersion() != null) {
                    states.put(info.getVersion().getVersion(), info.getState());
                }
            }
        } catch (FlywayException unreadable) {
            throw new DatabaseUnreachable(target.redaction().apply(unreadable.getMessage()));
        }
        List<String> applied = pendingBefore.stream().map(PendingScript::version)
                .filter(v -> states.get(v) == MigrationState.SUCCESS).toList();
        Optional<PendingScript> failedRow = pendingBefore.stream()
                .filter(p -> states.get(p.version()) != null && states.get(p.version()).isFailed()).findFirst();
        if (failedRow.isPresent()) {
            return new Run.ScriptFailed(failedRow.get().file(),
                    message + ". " + FailedHistoryRow.advice(failedRow.get().version()), applied);
        }
        String script = pendingBefore.stream().filter(p -> states.get(p.version()) == MigrationState.PENDING)
                .findFirst().map(PendingScript::file).orElse("(unknown script)");
        return new Run.ScriptFailed(script, message, applied);
    }

    private static MigrationHistory compare(Flyway flyway) {
        List<String> applied = new ArrayList<>();
        List<PendingScript> pending = new ArrayList<>();
        List<HistoryDifference> differences = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            String version = info.getVersion() == null ? "R" : info.getVersion().getVersion();
            String script = info.getScript();
            switch (info.getState()) {
                case SUCCESS -> applied.add(version);
                case PENDING -> pending.add(new PendingScript(version, info.getDescription(), script));
                case IGNORED -> differences.add(new HistoryDifference(Kind.OUT_OF_ORDER, version, script,
                        "in the repository but older than the latest applied version; it would run out of order"));
                case MISSING_SUCCESS, FUTURE_SUCCESS -> differences.add(new HistoryDifference(
                        Kind.MISSING_FROM_REPOSITORY, version, script, "applied to the database, missing from the repository"));
                case FAILED, MISSING_FAILED, FUTURE_FAILED -> differences.add(new HistoryDifference(
                        Kind.FAILED_IN_HISTORY, version, script, "recorded as failed in the database's history. "
                                + FailedHistoryRow.advice(version)));
                default -> {
                    // baselines, undone and superseded rows: nothing to run and nothing to report
                }
            }
        }
        Set<String> known = new HashSet<>();
        differences.forEach(d -> known.add(d.version()));
        for (ValidateOutput invalid : flyway.validateWithResult().invalidMigrations) {
            if (invalid.version != null && applied.contains(invalid.version) && known.add(invalid.version)) {
                String message = invalid.errorDetails == null ? "differs" : invalid.errorDetails.errorMessage;
                Kind kind = invalid.errorDetails != null && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH
                        ? Kind.CHECKSUM_CHANGED : Kind.OTHER;
                differences.add(new HistoryDifference(kind, invalid.version, invalid.filepath == null
                        ? invalid.description : fileName(invalid.filepath), message));
            }
        }
        return new MigrationHistory(applied, pending, differences);
    }

    private static Flyway flyway(MigrationTarget target) {
        return Flyway.configure()
                .dataSource(target.connection().jdbcUrl(), target.connection().username(), target.connection().password())
                .locations("filesystem:" + target.scripts().toAbsolutePath())
                .failOnMissingLocations(true)
                // validate reports everything but the scripts that simply have not run yet
                .ignoreMigrationPatterns("*:pending")
                .outOfOrder(false)
                .baselineOnMigrate(false)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                // a session-level advisory lock: the default transactional one keeps a transaction open
                // that CREATE INDEX CONCURRENTLY waits for, forever
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load();
    }

    private static String fileName(String script) {
        if (script == null) {
            return null;
        }
        int slash = Math.max(script.lastIndexOf('/'), script.lastIndexOf('\\'));
        return script.substring(slash + 1);
    }
}
