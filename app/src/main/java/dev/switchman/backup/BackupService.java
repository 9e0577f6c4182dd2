package dev.switchman.backup;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.store.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The daemon's {@link DatabaseBackups}: the state store's catalog, the process's secrets, real pg tools. */
@ApplicationScoped
public class BackupService {

    private final BackupCatalog catalog;
    private final DatabaseBackups backups;
    private final Duration verifiedAgeWarning;

    @Inject
    BackupService(SwitchmanConfig config, DataSource dataSource, EventRepository events, Secrets secrets) {
        this.catalog = new BackupCatalog(dataSource);
        Path work = config.backup().workDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "switchman-backup"));
        this.backups = new DatabaseBackups(
                new BackupRunner(PgProcesses.findingToolsOnFirstUse(), work, Clock.systemUTC()),
                catalog, events, secrets,
                Clock.systemUTC());
        this.verifiedAgeWarning = config.backup().verifiedAgeWarning();
    }

    public DatabaseBackups backups() {
        return backups;
    }

    public BackupCatalog catalog() {
        return catalog;
    }

    /** Databases whose newest verified backup is older than the warning age (or missing), as words. */
    public List<String> staleVerifications(List<DesiredEnvironment> environments, Instant now) {
        return environments.stream().flatMap(env -> env.databases().values().stream()
                .filter(db -> db.backups() != null)
                .flatMap(db -> stale(env, db, now).stream())).toList();
    }

    private Optional<String> stale(DesiredEnvironment env, DatabaseSpec db, Instant now) {
        Optional<Instant> verified = backups.lastVerified(env, db);
        if (verified.isEmpty()) {
            return Optional.of(env.qualifiedName() + "/" + db.name() + ": no verified backup");
        }
        Duration age = Duration.between(verified.get(), now);
        return age.compareTo(verifiedAgeWarning) > 0
                ? Optional.of(env.qualifiedName() + "/" + db.name() + ": last verified backup is " + age.toHours()
                        + " h old")
                : Optional.empty();
    }
}
