package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec.DrillCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A restore drill: the backup deep-verified (checksum, then the archive's listing holds the recorded tables
 * and those the checks name), restored into a fresh scratch database on the source's server, the declared
 * checks run against it, the scratch database dropped whatever happened.
 */
public final class DrillRunner {

    private final BackupRunner runner;
    private final Clock clock;

    public DrillRunner(BackupRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    /** What a drill found: passed, or the failures in words. */
    public record DrillResult(String backup, Instant startedAt, Duration duration, boolean passed,
            List<String> failures) {

        public String message() {
            return passed ? "restored and all checks passed" : String.join("; ", failures);
        }
    }

    /** Runs the drill on {@code manifest}'s backup; never throws for a failed restore or check. */
    public DrillResult drill(BackupStorage storage, BackupManifest manifest, DatabaseTarget server,
            List<DrillCheck> checks) {
        Instant started = clock.instant();
        String scratchName = "switchman_drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> failures = new ArrayList<>();
        boolean created = false;
        try {
            execute(server, "create database " + scratchName);
            created = true;
            DatabaseTarget scratch = server.withDatabase(scratchName);
            runner.restore(storage, manifest, scratch,
                    checks.stream().map(DrillCheck::table).filter(Objects::nonNull).toList());
            try (Connection c = scratch.connect()) {
                for (DrillCheck check : checks) {
                    check(c, check).ifPresent(failures::add);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e.getMessage());
        } finally {
            if (created) {
                try {
                    execute(server, "drop database if exists " + scratchName + " with (force)");
                } catch (SQLException e) {
                    failures.add("scratch database " + scratchName + " not dropped: " + e.getMessage());
                }
            }
        }
        return new DrillResult(manifest.name(), started, Duration.between(started, clock.instant()),
                failures.isEmpty(), List.copyOf(failures));
    }

    private static Optional<String> check(Connection c, DrillCheck check) throws SQLException {
        if (check.table() != null) {
            try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
                s.setString(1, check.table());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        return Optional.of("table " + check.table() + " is missing");
                    }
                }
            }
            if (check.minRows() != null) {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select count(*) from " + quoted(check.table()))) {
                    long rows = r.next() ? r.getLong(1) : 0;
                    if (rows < check.minRows()) {
                        return Optional.of("table " + check.table() + " has " + rows
                                + " rows, fewer than " + check.minRows());
                    }
                }
            }
        }
        if (check.query() != null) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(check.query())) {
                String first = r.next() ? r.getString(1) : null;
                if (check.expect() != null && !check.expect().equals(first)) {
                    return Optional.of("query \"" + check.query() + "\" returned " + first + ", expected "
                            + check.expect());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code schema.table} or {@code table}, each part quoted as an identifier. */
    private static String quoted(String table) {
        StringBuilder out = new StringBuilder();
        for (String part : table.split("\\.")) {
            out.append(out.isEmpty() ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }

    private static void execute(DatabaseTarget server, String sql) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
