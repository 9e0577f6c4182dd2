package dev.switchman.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs {@code pg_dump} and {@code pg_restore} with the password in {@code PGPASSWORD}, never in the
 * arguments; a failure's message carries the tool's own error output (which never holds the password).
 */
public final class PgProcesses {

    private final Supplier<PostgresClientTools> tools;

    public PgProcesses(PostgresClientTools tools) {
        this.tools = () -> tools;
    }

    private PgProcesses(Supplier<PostgresClientTools> tools) {
        this.tools = tools;
    }

    /** Looks for pg_dump and pg_restore when first needed, so a daemon without backups needs neither. */
    public static PgProcesses findingToolsOnFirstUse() {
        PostgresClientTools[] found = new PostgresClientTools[1];
        return new PgProcesses(() -> {
            synchronized (found) {
                if (found[0] == null) {
                    found[0] = PostgresClientTools.find();
                }
                return found[0];
            }
        });
    }

    /** Dumps {@code source} in custom format (compressed) into {@code file}. */
    public void dump(DatabaseTarget source, Path file) {
        run(List.of(tools.get().pgDump().toString(), "--format=custom", "--compress=6", "--no-password",
                "--file=" + file, "--dbname=" + source.uriWithoutPassword()), source.password(),
                "pg_dump of " + source.database(), null);
    }

    /**
     * Restores {@code file} into {@code target}, replacing the objects the dump contains
     * ({@code --clean --if-exists}), owners and grants left as the target has them.
     */
    public void restore(Path file, DatabaseTarget target) {
        run(List.of(tools.get().pgRestore().toString(), "--clean", "--if-exists", "--no-owner", "--no-privileges",
                "--exit-on-error", "--no-password", "--dbname=" + target.uriWithoutPassword(), file.toString()),
                target.password(), "pg_restore of " + target.database(), null);
    }

    /** The archive's table of contents ({@code pg_restore --list}); throws when pg_restore cannot read it. */
    public String list(Path file) {
        Path listing = null;
        try {
            listing = Files.createTempFile("switchman-pg_restore", ".list");
            run(List.of(tools.get().pgRestore().toString(), "--list", file.toString()), null,
                    "pg_restore --list of " + file.getFileName(), listing);
            return Files.readString(listing, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException("cannot read the listing of " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            WorkFiles.deleteQuietly(listing);
        }
    }

    /** @param output where standard output goes; null to discard it */
    private static void run(List<String> command, String password, String what, Path output) {
        Path errors = null;
        try {
            errors = Files.createTempFile("switchman-pg", ".err");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(false)
                    .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
                            : ProcessBuilder.Redirect.to(output.toFile()))
                    .redirectError(errors.toFile());
            builder.environment().remove("PGPASSWORD");
            if (password != null) {
                builder.environment().put("PGPASSWORD", password);
            }
            Process process = builder.start();
            int exit = process.waitFor();
            if (exit != 0) {
                String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new BackupException(what + " failed (exit " + exit + ")" + (message.isEmpty() ? "" : ": " + message));
            }
        } catch (IOException e) {
            throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(what + " interrupted", e);
        } finally {
            // a leftover temp file of error text has nothing secret in it
            WorkFiles.deleteQuietly(errors);
        }
    }
}
