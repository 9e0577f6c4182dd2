package dev.switchman.desired;

import static dev.switchman.desired.CommonShapes.CRON;
import static dev.switchman.desired.CommonShapes.DURATION;
import static dev.switchman.desired.CommonShapes.SECRET_REF;
import static dev.switchman.desired.shape.Shapes.bool;
import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.integer;
import static dev.switchman.desired.shape.Shapes.list;
import static dev.switchman.desired.shape.Shapes.map;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.nonEmptyList;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.string;

import dev.switchman.desired.shape.Shape;
import java.util.Set;

/** The shape of a database: its URL secret, migrations, backups and restore drills. */
final class DatabaseShapes {

    private static final Shape MIGRATIONS = object("migrations",
            field("path", string("a directory"), "folder of Flyway SQL migrations, relative to the desired-state"
                    + " root; exclusive with command"),
            field("command", string("a command"), "pre-deploy command that migrates; exclusive with path"),
            field("service", CommonShapes.SERVICE_NAME, "the service whose pre-deploy command runs command"),
            field("dryRunFirst", bool(), "run pending migrations in a rolled-back transaction first"
                    + " (default false)"),
            field("lockTimeout", DURATION, "a migration lock older than this may be taken over (default 15m)"),
            field("schemaDrift", object("schema drift settings",
                    field("ignore", list(string("an object name pattern")), "schema objects the application manages"
                            + " itself: schema.table, schema.table.column, schema.index or schema.table.constraint;"
                            + " * matches any characters, and a table's pattern covers its columns, indexes and"
                            + " constraints")),
                    "how the live schema is compared with the one recorded after the last migration (path only)"))
            .exactlyOne("path", "command");

    private static final Shape RETENTION = object("a retention",
            field("daily", integer("backups", 0, 3650), "default 7"),
            field("weekly", integer("backups", 0, 520), "default 4"),
            field("monthly", integer("backups", 0, 1200), "default 12"));

    private static final Shape DESTINATION = object("a backup destination",
            field("filesystem", object("a filesystem destination", Set.of("path"),
                    field("path", string("a directory"), "directory on the daemon's filesystem")), null),
            field("s3", object("an S3 destination", Set.of("bucket", "accessKeyId", "secretAccessKey"),
                    field("bucket", string("a bucket name"), null),
                    field("prefix", string("a key prefix"), null),
                    field("endpoint", string("a URL"), "for S3-compatible stores"),
                    field("region", string("a region"), null),
                    field("pathStyle", bool(), null),
                    field("accessKeyId", SECRET_REF, null),
                    field("secretAccessKey", SECRET_REF, null)), null),
            field("retention", RETENTION, "this destination's own retention (default: the backups' retention)"))
            .exactlyOne("filesystem", "s3");

    private static final Shape DRILL = object("a restore drill", Set.of("schedule"),
            field("schedule", CRON, null),
            field("checks", list(object("a drill check",
                    field("table", string("a table name"), "the table must exist"),
                    field("minRows", integer("rows", 0, Long.MAX_VALUE), "and hold at least this many rows"),
                    field("query", string("an SQL query"), "run on the restored database"),
                    field("expect", string("a value"), "the first column of the first row, as text"))
                    .exactlyOne("table", "query")),
                    "checks run on the restored copy"));

    private static final Shape BACKUPS = object("backups", Set.of("schedule"),
            field("schedule", CRON, null),
            field("retention", RETENTION, "grandfather-father-son, in each destination without its own"),
            field("destination", DESTINATION, "exactly one of filesystem or s3; or destinations"),
            field("destinations", nonEmptyList(DESTINATION), "several: each backup is written to and verified in every"
                    + " one (3-2-1), and a failed copy fails that destination only; or destination"),
            field("beforeMigrations", bool(), "take a verified backup before migrations (default true)"),
            field("keepPreMigrationFor", DURATION, "pre-migration backups are kept this long (default 30d)"),
            field("drill", DRILL, "restore the newest backup into a scratch database and check it"))
            .exactlyOne("destination", "destinations");

    private static final Shape DATABASE = named("database", object("a database", Set.of("url"),
            field("id", CommonShapes.NAME, "names the physical database, so every environment that declares it"
                    + " shares one migration lease, run log and schema fingerprint (default: host, port and database"
                    + " name of its URL)"),
            field("service", CommonShapes.SERVICE_NAME, "the Railway service hosting it"),
            field("url", SECRET_REF, "connection URL; always a secret, never written in git"),
            field("migrations", MIGRATIONS, "either path or command"),
            field("backups", BACKUPS, "scheduled pg_dump backups")));

    static final Shape DATABASES = map("a mapping of database names to databases", CommonShapes.NAME, DATABASE);

    private DatabaseShapes() {
    }
}
