package dev.switchman.web;

import dev.switchman.backup.BackupCatalog;
import dev.switchman.backup.BackupService;
import dev.switchman.backup.CatalogEntry;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/environments/{name}/backups}: per declared database, its newest backups
 * (catalog rows, failures included), the newest drills, and when a backup was last verified.
 */
@Path("/api/v1/environments/{name}/backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {

    private static final int SHOWN = 20;

    private final EnvironmentLookup lookup;
    private final BackupService service;

    public BackupsResource(EnvironmentLookup lookup, BackupService service) {
        this.lookup = lookup;
        this.service = service;
    }

    /** One database's backups. */
    public record DatabaseBackupsView(String database, Instant lastVerifiedAt, List<BackupView> backups,
            List<BackupCatalog.DrillRecord> drills) {
    }

    /** One backup attempt. @param good whether a restore may use it: {@code completed}, nothing else */
    public record BackupView(String name, String reason, String status, boolean good, Long sizeBytes, String sha256,
            Instant startedAt, Instant finishedAt, Instant verifiedAt, String error) {

        static BackupView of(CatalogEntry e) {
            return new BackupView(e.name(), e.reason().label(), e.status(), e.good(), e.sizeBytes(), e.sha256(),
                    e.startedAt(), e.finishedAt(), e.verifiedAt(), e.error());
        }
    }

    @GET
    public List<DatabaseBackupsView> list(@PathParam("name") String name) {
        DesiredEnvironment env = lookup.find(name);
        return env.databases().values().stream().filter(db -> db.backups() != null).map(db -> view(env, db)).toList();
    }

    private DatabaseBackupsView view(DesiredEnvironment env, DatabaseSpec db) {
        List<CatalogEntry> entries = service.catalog().entries(env.project(), env.name(), db.name());
        return new DatabaseBackupsView(db.name(), service.backups().lastVerified(env, db).orElse(null),
                entries.stream().limit(SHOWN).map(BackupView::of).toList(),
                service.catalog().drills(env.project(), env.name(), db.name(), SHOWN));
    }
}
