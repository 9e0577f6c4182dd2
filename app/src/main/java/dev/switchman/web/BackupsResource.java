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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/environments/{name}/backups}: per declared database, its newest backups (failures
 * included) each with its copies per destination, the newest drills, and when a backup was last verified.
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

    /**
     * One backup attempt and its copies.
     *
     * @param status {@code completed} when every copy is, {@code partial} when some copies are good and some are
     *     not, otherwise the status its copies share ({@code running}, {@code failed}, {@code abandoned}, {@code deleted})
     * @param good whether a restore may use it: at least one copy is {@code completed}
     * @param copies one per destination it was written to
     */
    public record BackupView(String name, String reason, String status, boolean good, Long sizeBytes, String sha256,
            Instant startedAt, Instant finishedAt, Instant verifiedAt, String error, List<CopyView> copies) {

        static BackupView of(List<CatalogEntry> copies) {
            CatalogEntry first = copies.get(0);
            boolean allGood = copies.stream().allMatch(CatalogEntry::good);
            boolean anyGood = copies.stream().anyMatch(CatalogEntry::good);
            CatalogEntry shown = copies.stream().filter(CatalogEntry::good).findFirst().orElse(first);
            String status = allGood ? CatalogEntry.COMPLETED : anyGood ? "partial"
                    : copies.stream().filter(c -> !c.good()).findFirst().orElse(first).status();
            return new BackupView(first.name(), first.reason().label(), status, anyGood, shown.sizeBytes(),
                    shown.sha256(), first.startedAt(), copies.stream().map(CatalogEntry::finishedAt)
                            .filter(Objects::nonNull).max(Instant::compareTo).orElse(null),
                    copies.stream().map(CatalogEntry::verifiedAt).filter(Objects::nonNull)
                            .max(Instant::compareTo).orElse(null),
                    copies.stream().map(CatalogEntry::error).filter(Objects::nonNull).findFirst().orElse(null),
                    copies.stream().map(CopyView::of).toList());
        }
    }

    /** One copy of a backup in one destination. @param good whether a restore may use this copy */
    public record CopyView(String destination, String status, boolean good, Instant verifiedAt, String error) {

        static CopyView of(CatalogEntry e) {
            return new CopyView(e.destination(), e.status(), e.good(), e.verifiedAt(), e.error());
        }
    }

    @GET
    @Tag(name = "environments")
    @Operation(summary = "Backups and restore drills", description = "Per database that declares backups: the newest"
            + " backups with their copies per destination, the newest drills, and when a backup was last verified")
    public List<DatabaseBackupsView> list(@Parameter(description = EnvironmentsResource.NAME) @PathParam("name") String name) {
        DesiredEnvironment env = lookup.find(name);
        return env.databases().values().stream().filter(db -> db.backups() != null).map(db -> view(env, db)).toList();
    }

    private DatabaseBackupsView view(DesiredEnvironment env, DatabaseSpec db) {
        Map<String, List<CatalogEntry>> byBackup = new LinkedHashMap<>();
        service.catalog().entries(env.project(), env.name(), db.name())
                .forEach(e -> byBackup.computeIfAbsent(e.name(), name -> new ArrayList<>()).add(e));
        return new DatabaseBackupsView(db.name(), service.backups().lastVerified(env, db).orElse(null),
                byBackup.values().stream().limit(SHOWN).map(BackupView::of).toList(),
                service.catalog().drills(env.project(), env.name(), db.name(), SHOWN));
    }
}
