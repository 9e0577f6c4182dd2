package dev.switchman.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Takes, lists, verifies and restores the backups of one database in one {@link BackupStorage}.
 * A backup is dumped to a local work file, checksummed, stored under its real name, and only then
 * is its manifest stored and its catalog row marked completed: a crash at any point leaves at most
 * a {@code running} row and an orphan dump, never something counted as good.
 */
public final class BackupRunner {

    private static final Logger LOG = Logger.getLogger(BackupRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PgProcesses processes;
    private final Path workDir;
    private final Clock clock;

    public BackupRunner(PgProcesses processes, Path workDir, Clock clock) {
        this.processes = processes;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** Where a backup goes and what it is of. {@code catalog} may be null (a CLI without a state store). */
    public record Target(String project, String environment, String database, DatabaseTarget source,
            BackupStorage storage, BackupCatalog catalog) {
    }

    /** Dumps the database now; returns the manifest of the stored backup. */
    public BackupManifest backup(Target target, BackupReason reason, String revision) {
        Instant started = clock.instant();
        // the random tail keeps two backups started in the same second apart; ThreadLocalRandom, not a
        // static Random: a native image would freeze a static one, seed and all, at build time
        String name = target.database() + "-" + STAMP.format(started) + "-" + reason.label() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        long id = target.catalog() == null ? 0 : target.catalog().started(target.project(), target.environment(),
                target.database(), name, reason, target.storage().describe(), revision, started);
        Path work = null;
        try {
            Files.createDirectories(workDir);
            work = Files.createTempFile(workDir, name, ".dump.partial");
            String serverVersion = serverVersion(target.source());
            processes.dump(target.source(), work);
            long size = Files.size(work);
            String sha = Checksums.sha256(work);
            Instant finished = clock.instant();
            BackupManifest manifest = new BackupManifest(name, target.project(), target.environment(),
                    target.database(), serverVersion, size, Duration.between(started, finished), revision, reason,
                    sha, started);
            target.storage().put(manifest.dumpKey(), work);
            target.storage().putText(manifest.manifestKey(), manifest.toJson());
            if (target.catalog() != null) {
                target.catalog().completed(id, manifest, finished);
            }
            LOG.infof("backup %s of %s/%s: %d bytes in %d ms to %s", name, target.environment(), target.database(),
                    size, manifest.duration().toMillis(), target.storage().describe());
            return manifest;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage();
            if (target.catalog() != null) {
                target.catalog().failed(id, message, clock.instant());
            }
            LOG.warnf("backup %s of %s/%s failed: %s", name, target.environment(), target.database(), message);
            throw e instanceof BackupException b ? b : new BackupException(message, e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** The backups in storage (those with a manifest), newest first. */
    public static List<BackupManifest> list(BackupStorage storage) {
        return storage.keys().stream().filter(k -> k.endsWith(".json"))
                .map(k -> BackupManifest.fromJson(storage.getText(k)))
                .sorted(Comparator.comparing(BackupManifest::createdAt).reversed())
                .toList();
    }

    /** The backup called {@code name}, or the newest when {@code name} is null. */
    public static Optional<BackupManifest> find(BackupStorage storage, String name) {
        return list(storage).stream().filter(m -> name == null || m.name().equals(name)).findFirst();
    }

    /**
     * Copies the backup's dump into {@code file} and checks its SHA-256 against the manifest;
     * throws when they differ, so nothing restores a corrupted dump.
     */
    public static void fetchVerified(BackupStorage storage, BackupManifest manifest, Path file) {
        storage.get(manifest.dumpKey(), file);
        String actual = Checksums.sha256(file);
        if (!actual.equals(manifest.sha256())) {
            throw new BackupException("backup " + manifest.name() + " failed verification: SHA-256 " + actual
                    + " does not match the manifest's " + manifest.sha256());
        }
    }

    /** Verifies the checksum, then restores into {@code destination}. */
    public void restore(BackupStorage storage, BackupManifest manifest, DatabaseTarget destination) {
        Path work = null;
        try {
            Files.createDirectories(workDir);
            work = Files.createTempFile(workDir, manifest.name(), ".restore");
            fetchVerified(storage, manifest, work);
            processes.restore(work, destination);
        } catch (IOException e) {
            throw new BackupException("cannot restore " + manifest.name() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    static String serverVersion(DatabaseTarget source) {
        try (Connection c = source.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show server_version")) {
            return r.next() ? r.getString(1) : "unknown";
        } catch (SQLException e) {
            throw new BackupException("cannot connect to " + source.database() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("cannot delete work file %s: %s", file, e.getMessage());
            }
        }
    }
}
