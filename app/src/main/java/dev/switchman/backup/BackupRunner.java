package dev.switchman.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Takes, lists, verifies and restores the backups of one database. A backup is dumped once to a local
 * work file and checksummed; then each destination gets a copy stored under its real name, then its
 * manifest, then the copy is read back and its checksum compared, and only then is that destination's
 * catalog row marked completed and verified: a crash at any point leaves at most {@code running} rows
 * and orphan files, never something counted as good.
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

    /**
     * Where a backup goes and what it is of. {@code catalog} may be null (a CLI without a state store).
     *
     * @param storages the destinations, in declaration order: each gets a copy, written and verified
     */
    public record Target(String project, String environment, String database, DatabaseTarget source,
            List<BackupStorage> storages, BackupCatalog catalog) {

        public Target {
            storages = List.copyOf(storages);
        }

        /** A backup to one destination. */
        public Target(String project, String environment, String database, DatabaseTarget source, BackupStorage storage,
                BackupCatalog catalog) {
            this(project, environment, database, source, List.of(storage), catalog);
        }
    }

    /**
     * Dumps the database once and stores a verified copy in each destination; a copy that cannot be written or
     * verified fails that destination's catalog row only. Throws when the dump fails or no copy was stored.
     */
    public BackupResult backup(Target target, BackupReason reason, String revision) {
        Instant started = clock.instant();
        // the random tail keeps two backups started in the same second apart; ThreadLocalRandom, not a
        // static Random: a native image would freeze a static one, seed and all, at build time
        String name = target.database() + "-" + STAMP.format(started) + "-" + reason.label() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        List<Long> ids = target.storages().stream().map(storage -> target.catalog() == null ? 0L
                : target.catalog().started(target.project(), target.environment(), target.database(), name, reason,
                        storage.describe(), revision, started)).toList();
        Path work = null;
        try {
            Files.createDirectories(workDir);
            work = Files.createTempFile(workDir, name, ".dump.partial");
            BackupManifest manifest = dump(target, name, reason, revision, started, work);
            List<CopyResult> copies = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                copies.add(store(target, ids.get(i), target.storages().get(i), manifest, work));
            }
            if (copies.stream().noneMatch(CopyResult::stored)) {
                throw new BackupException("backup " + name + " was stored in no destination: " + copies.stream()
                        .map(CopyResult::toString).collect(Collectors.joining("; ")));
            }
            return new BackupResult(manifest, copies);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage();
            if (target.catalog() != null) {
                ids.forEach(id -> target.catalog().failed(id, message, clock.instant()));
            }
            LOG.warnf("backup %s of %s/%s failed: %s", name, target.environment(), target.database(), message);
            throw e instanceof BackupException b ? b : new BackupException(message, e);
        } finally {
            WorkFiles.deleteQuietly(work);
        }
    }

    private BackupManifest dump(Target target, String name, BackupReason reason, String revision, Instant started,
            Path work) throws IOException {
        SourceFacts facts = SourceFacts.of(target.source());
        processes.dump(target.source(), work);
        return new BackupManifest(name, target.project(), target.environment(), target.database(),
                facts.serverVersion(), Files.size(work), Duration.between(started, clock.instant()), revision, reason,
                Checksums.sha256(work), started, facts.tables());
    }

    /** Writes one copy (dump, then manifest), reads it back to check its SHA-256, and records the outcome. */
    private CopyResult store(Target target, long id, BackupStorage storage, BackupManifest manifest, Path work) {
        Path readBack = null;
        try {
            storage.put(manifest.dumpKey(), work);
            storage.putText(manifest.manifestKey(), manifest.toJson());
            readBack = Files.createTempFile(workDir, manifest.name(), ".verify");
            fetchVerified(storage, manifest, readBack);
            if (target.catalog() != null) {
                target.catalog().completed(id, manifest, clock.instant());
                target.catalog().verified(id, clock.instant());
            }
            LOG.infof("backup %s of %s/%s: %d bytes to %s, checksum verified", manifest.name(), target.environment(),
                    target.database(), manifest.sizeBytes(), storage.describe());
            return new CopyResult(storage.describe(), null);
        } catch (IOException | RuntimeException e) {
            if (target.catalog() != null) {
                target.catalog().failed(id, e.getMessage(), clock.instant());
            }
            LOG.warnf("copy of backup %s to %s failed: %s", manifest.name(), storage.describe(), e.getMessage());
            return new CopyResult(storage.describe(), e.getMessage());
        } finally {
            WorkFiles.deleteQuietly(readBack);
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

    /** {@link #fetchVerified} into a temporary file, deleted afterwards: the checksum check alone. */
    public static void fetchVerifiedToTemp(BackupStorage storage, BackupManifest manifest) {
        Path work = null;
        try {
            work = Files.createTempFile("switchman-verify", ".dump");
            fetchVerified(storage, manifest, work);
        } catch (IOException e) {
            throw new BackupException("cannot verify " + manifest.name() + ": " + e.getMessage(), e);
        } finally {
            WorkFiles.deleteQuietly(work);
        }
    }

    /** Verifies the checksum and the archive (see {@link #verifyDeep}), then restores into {@code destination}. */
    public void restore(BackupStorage storage, BackupManifest manifest, DatabaseTarget destination) {
        restore(storage, manifest, destination, List.of());
    }

    /** As {@link #restore(BackupStorage, BackupManifest, DatabaseTarget)}, the archive also holding {@code tables}. */
    public void restore(BackupStorage storage, BackupManifest manifest, DatabaseTarget destination, List<String> tables) {
        withVerifiedCopy(storage, manifest, tables, work -> processes.restore(work, destination));
    }

    /**
     * A deep verification: the SHA-256 against the manifest, then {@code pg_restore --list} must read the archive
     * and list every table the manifest recorded and every one of {@code tables}, each with its data.
     */
    public void verifyDeep(BackupStorage storage, BackupManifest manifest, List<String> tables) {
        withVerifiedCopy(storage, manifest, tables, work -> {
        });
    }

    private void withVerifiedCopy(BackupStorage storage, BackupManifest manifest, List<String> tables,
            Consumer<Path> use) {
        Path work = null;
        try {
            Files.createDirectories(workDir);
            work = Files.createTempFile(workDir, manifest.name(), ".restore");
            fetchVerified(storage, manifest, work);
            List<String> expected = new ArrayList<>(manifest.tables());
            expected.addAll(tables);
            List<String> problems = ArchiveCheck.problems(processes.list(work), expected);
            if (!problems.isEmpty()) {
                throw new BackupException("backup " + manifest.name() + " failed deep verification: "
                        + String.join("; ", problems));
            }
            use.accept(work);
        } catch (IOException e) {
            throw new BackupException("cannot read " + manifest.name() + ": " + e.getMessage(), e);
        } finally {
            WorkFiles.deleteQuietly(work);
        }
    }
}
