package dev.switchman.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Runs the PostgreSQL programs for {@link EmbeddedPostgres}. PostgreSQL refuses to run as root, so
 * a root process runs them as the {@code postgres} user and hands it the instance directory.
 * Every instance directory sits under one parent and names the JVM that owns it, so servers left
 * by a killed JVM are stopped and deleted by the next one.
 */
final class PostgresProcesses {

    private static final Logger LOG = Logger.getLogger(PostgresProcesses.class);
    private static final String OWNER_FILE = "owner.pid";
    private static final long TIMEOUT_SECONDS = 120;

    private final PostgresBinaries binaries;
    private final UserPrincipal runAs;

    private PostgresProcesses(PostgresBinaries binaries, UserPrincipal runAs) {
        this.binaries = binaries;
        this.runAs = runAs;
    }

    static PostgresProcesses create(PostgresBinaries binaries) {
        UserPrincipal runAs = null;
        if ("root".equals(System.getProperty("user.name"))) {
            try {
                runAs = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            } catch (IOException e) {
                throw new IllegalStateException("running as root, and PostgreSQL needs a 'postgres' user to run as", e);
            }
        }
        PostgresProcesses processes = new PostgresProcesses(binaries, runAs);
        processes.removeStaleInstances();
        return processes;
    }

    PostgresBinaries binaries() {
        return binaries;
    }

    /** A fresh directory for one server, owned by the user the server runs as. */
    Path newInstanceDirectory() {
        Path root = instancesRoot();
        try {
            Files.createDirectories(root);
            // world-traversable so the postgres user reaches its own directory inside
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path instance = Files.createTempDirectory(root, "pg-");
            Files.writeString(instance.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            if (runAs != null) {
                Files.setOwner(instance, runAs);
            }
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for PostgreSQL under " + root, e);
        }
    }

    /** Runs a PostgreSQL program and fails with its output when it does not succeed. */
    void run(String... command) {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs.getName(), "--"));
        }
        full.addAll(List.of(command));
        Path output = null;
        try {
            output = Files.createTempFile("switchman-pg-", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed with exit code "
                        + process.exitValue() + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    void stopQuietly(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try {
            run(binaries.pgCtl().toString(), "stop", "-m", "immediate", "-w", "-D", dataDir.toString());
        } catch (RuntimeException e) {
            LOG.debugf("stopping PostgreSQL in %s: %s", dataDir, e.getMessage());
        }
    }

    private void removeStaleInstances() {
        for (Path instance : instanceDirectories()) {
            if (ownerIsGone(instance)) {
                LOG.infof("removing a PostgreSQL left behind by a stopped process in %s", instance);
                stopQuietly(instance.resolve("data"));
                deleteRecursively(instance);
            }
        }
    }

    private static boolean ownerIsGone(Path instance) {
        try {
            long pid = Long.parseLong(Files.readString(instance.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // being created right now, or not ours to judge
        }
    }

    /** Read when used, not in a static field: a native image would keep the build machine's temp directory. */
    private static Path instancesRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "switchman-embedded-postgres");
    }

    static List<Path> instanceDirectories() {
        Path root = instancesRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("could not delete %s: %s", root, e.getMessage());
        }
    }
}
