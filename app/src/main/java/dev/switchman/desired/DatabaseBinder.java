package dev.switchman.desired;

import static dev.switchman.desired.Fields.bool;
import static dev.switchman.desired.Fields.duration;
import static dev.switchman.desired.Fields.integer;
import static dev.switchman.desired.Fields.items;
import static dev.switchman.desired.Fields.map;
import static dev.switchman.desired.Fields.text;

import dev.switchman.desired.DatabaseSpec.BackupDestination;
import dev.switchman.desired.DatabaseSpec.BackupSpec;
import dev.switchman.desired.DatabaseSpec.DrillCheck;
import dev.switchman.desired.DatabaseSpec.MigrationSpec;
import dev.switchman.desired.DatabaseSpec.RestoreDrill;
import dev.switchman.desired.DatabaseSpec.Retention;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Binds merged, validated database and policy mappings to records, filling in the defaults. */
final class DatabaseBinder {

    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(15);
    static final Duration DEFAULT_KEEP_PRE_MIGRATION = Duration.ofDays(30);
    static final Retention DEFAULT_RETENTION = new Retention(7, 4, 12);

    private DatabaseBinder() {
    }

    static DatabaseSpec bind(String name, MapNode db) {
        MapNode m = map(db, "migrations");
        MapNode drift = m == null ? null : map(m, "schemaDrift");
        MigrationSpec migrations = m == null ? null : new MigrationSpec(migrationsPath(m), text(m, "command"),
                text(m, "service"), bool(m, "dryRunFirst", false), duration(m, "lockTimeout", DEFAULT_LOCK_TIMEOUT),
                drift == null ? List.of() : Fields.strings(drift, "ignore"));
        return new DatabaseSpec(name, text(db, "service"), Fields.secretRef(map(db, "url")), migrations,
                backups(map(db, "backups")), text(db, "id"));
    }

    /**
     * A migrations folder is written relative to the file that declares it, as people expect of a
     * path in a config file; the record keeps it relative to the desired-state root.
     */
    private static String migrationsPath(MapNode migrations) {
        return migrations.get("path").map(node -> {
            Path declaredIn = Path.of(node.location().file()).getParent();
            Path relative = Path.of(text(migrations, "path"));
            Path resolved = declaredIn == null ? relative : declaredIn.resolve(relative);
            return resolved.normalize().toString();
        }).orElse(null);
    }

    private static BackupSpec backups(MapNode b) {
        if (b == null) {
            return null;
        }
        Retention retention = retention(map(b, "retention"), DEFAULT_RETENTION);
        MapNode drill = map(b, "drill");
        List<BackupDestination> destinations = map(b, "destination") != null
                ? List.of(destination(map(b, "destination"), retention))
                : items(b, "destinations").stream().map(d -> destination((MapNode) d, retention)).toList();
        return new BackupSpec(text(b, "schedule"), retention, destinations,
                bool(b, "beforeMigrations", true), duration(b, "keepPreMigrationFor", DEFAULT_KEEP_PRE_MIGRATION),
                drill == null ? null : new RestoreDrill(text(drill, "schedule"), items(drill, "checks").stream()
                        .map(c -> check((MapNode) c)).toList()));
    }

    /** Each count not written falls back to {@code fallback}'s. */
    private static Retention retention(MapNode r, Retention fallback) {
        return r == null ? fallback : new Retention(orElse(integer(r, "daily"), fallback.daily()),
                orElse(integer(r, "weekly"), fallback.weekly()), orElse(integer(r, "monthly"), fallback.monthly()));
    }

    /** @param backupsRetention what counts the destination's own retention does not write fall back to */
    private static BackupDestination destination(MapNode d, Retention backupsRetention) {
        MapNode own = map(d, "retention");
        Retention retention = own == null ? null : retention(own, backupsRetention);
        MapNode fs = map(d, "filesystem");
        if (fs != null) {
            return new BackupDestination.Filesystem(text(fs, "path"), retention);
        }
        MapNode s3 = map(d, "s3");
        if (s3 == null) {
            return null;
        }
        return new BackupDestination.S3(text(s3, "bucket"), text(s3, "prefix"), text(s3, "endpoint"),
                text(s3, "region"), bool(s3, "pathStyle", false), Fields.secretRef(map(s3, "accessKeyId")),
                Fields.secretRef(map(s3, "secretAccessKey")), retention);
    }

    private static DrillCheck check(MapNode c) {
        return new DrillCheck(text(c, "table"), Fields.longValue(c, "minRows"), text(c, "query"), text(c, "expect"));
    }

    static Policy policy(MapNode p) {
        if (p == null) {
            return Policy.DEFAULT;
        }
        String drift = text(p, "drift");
        String rollback = text(p, "rollback");
        return new Policy(
                drift == null ? Policy.DEFAULT.drift()
                        : drift.equals("reportOnly") ? Policy.DriftMode.REPORT_ONLY : Policy.DriftMode.SELF_HEAL,
                bool(p, "prune", Policy.DEFAULT.prune()),
                rollback == null ? Policy.DEFAULT.rollback()
                        : Policy.RollbackMode.valueOf(rollback.toUpperCase(Locale.ROOT)),
                duration(p, "interval", Policy.DEFAULT.interval()),
                bool(p, "suspend", Policy.DEFAULT.suspend()));
    }

    private static int orElse(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
