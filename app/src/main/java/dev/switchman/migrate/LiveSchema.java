package dev.switchman.migrate;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.migrate.SchemaBaselines.Baseline;
import java.util.List;
import java.util.Optional;

/** The live schema of a database compared now with the one recorded after its last migration (for the CLI). */
public final class LiveSchema {

    private LiveSchema() {
    }

    /** The recorded schema and the differences, none when in sync. */
    public record Comparison(Baseline recorded, List<SchemaDifference> differences) {
    }

    /**
     * Empty when no schema was recorded for this database yet.
     *
     * @throws DatabaseUnreachable when the application database cannot be read
     */
    public static Optional<Comparison> compare(MigrationTarget target, DatabaseSpec database, SchemaBaselines baselines) {
        return baselines.baseline(target.key()).map(recorded -> new Comparison(recorded, SchemaComparison.compare(
                recorded.schema(), SchemaCatalog.read(target), database.migrations().schemaDriftIgnore())));
    }
}
