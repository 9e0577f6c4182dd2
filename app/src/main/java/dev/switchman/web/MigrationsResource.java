package dev.switchman.web;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.DatabaseKey;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.SchemaBaselines;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/environments/{name}/migrations}: per database with migrations (a Flyway folder, or a
 * command Railway runs before deploys), the newest attempts of the run log and the lease on the physical
 * database, if one is held, whichever environment holds it (command migrations take none: Railway runs them).
 */
@Path("/api/v1/environments/{name}/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationsResource {

    private static final int SHOWN = 20;

    private final EnvironmentLookup lookup;
    private final MigrationRuns runs;
    private final MigrationLocks locks;
    private final Secrets secrets;
    private final SchemaBaselines schemas;

    public MigrationsResource(EnvironmentLookup lookup, DataSource store, Secrets secrets) {
        this.lookup = lookup;
        this.secrets = secrets;
        this.schemas = new SchemaBaselines(store);
        this.runs = new MigrationRuns(store);
        this.locks = new MigrationLocks(store);
    }

    /**
     * One database's migrations.
     *
     * @param lease null when no runner holds it
     * @param schema the live schema against the one recorded after the last migration, null until first compared
     */
    public record DatabaseMigrationsView(String database, LeaseView lease, List<RunView> runs, SchemaView schema) {
    }

    /**
     * The last schema-drift check. @param drifted whether the live schema differs (reported as {@code SchemaDrift})
     * @param differences each one in words, e.g. {@code missing column public.orders.note (text)}
     */
    public record SchemaView(boolean drifted, List<String> differences, Instant checkedAt) {
    }

    /**
     * Who holds the lease, until when, for which environment's database (another environment declaring the
     * same database holds it too); {@code expired} leases are taken over by the next runner.
     */
    public record LeaseView(String holder, Instant expiresAt, boolean expired, String environment, String database) {
    }

    /**
     * One attempt. @param result {@code applied}, {@code failed}, {@code dry_run_failed}, {@code not_run}, or
     *     {@code running} while unfinished (also when its runner died)
     */
    public record RunView(String revision, String result, List<String> versions, String failedScript, String message,
            String backup, String runner, Instant startedAt, Instant finishedAt) {

        static RunView of(MigrationRuns.Run run) {
            return new RunView(run.revision(), run.result() == null ? "running" : run.result().label(), run.applied(),
                    run.failedScript(), run.message(), run.backup(), run.runner(), run.startedAt(), run.finishedAt());
        }
    }

    @GET
    @Tag(name = "environments")
    @Operation(summary = "Migrations", description = "Per database with migrations: the lease on the physical"
            + " database, the last schema-drift check and the newest attempts of the run log")
    public List<DatabaseMigrationsView> list(@Parameter(description = EnvironmentsResource.NAME) @PathParam("name") String name) {
        DesiredEnvironment env = lookup.find(name);
        Instant now = Instant.now();
        return env.databases().values().stream()
                .filter(db -> db.migrations() != null)
                .map(db -> view(env, db, now)).toList();
    }

    private DatabaseMigrationsView view(DesiredEnvironment env, DatabaseSpec db, Instant now) {
        LeaseView lease = DatabaseKey.lookup(db, secrets).flatMap(locks::current)
                .map(l -> new LeaseView(l.holder(), l.expiresAt(), !l.expiresAt().isAfter(now), l.environment(),
                        l.database())).orElse(null);
        SchemaView schema = schemas.reported(env.qualifiedName(), db.name())
                .map(r -> new SchemaView(!SchemaBaselines.IN_SYNC.equals(r.state()), r.differences(), r.checkedAt()))
                .orElse(null);
        return new DatabaseMigrationsView(db.name(), lease,
                runs.recent(env.qualifiedName(), db.name(), SHOWN).stream().map(RunView::of).toList(), schema);
    }
}
