package dev.switchman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.backup.BackupCatalog;
import dev.switchman.backup.BackupException;
import dev.switchman.backup.BackupManifest;
import dev.switchman.backup.BackupReason;
import dev.switchman.backup.BackupResult;
import dev.switchman.backup.BackupRunner;
import dev.switchman.backup.DatabaseBackups;
import dev.switchman.backup.DatabaseTarget;
import dev.switchman.backup.Destination;
import dev.switchman.backup.PgProcesses;
import dev.switchman.backup.PostgresClientTools;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.store.EventRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman backup now|list|verify|restore|prune --env E --database D}: works from the desired
 * state and the destinations alone (manifests are stored beside the dumps); with {@code DATABASE_URL}
 * set (environment or secrets directory), {@code now} also records the backup in the state store's catalog
 * and applies retention, and {@code prune} can run.
 */
@Command(name = "backup", description = "Take, list, verify and restore database backups.",
        subcommands = {BackupCommand.Now.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class,
                BackupRestoreCommand.class, BackupPruneCommand.class, CommandLine.HelpCommand.class})
final class BackupCommand {

    /** The options every backup subcommand takes, and what they resolve to. */
    static final class Selection {

        @Option(names = {"--env", "-e"}, required = true, paramLabel = "NAME",
                description = "The environment: NAME, or PROJECT/NAME.")
        String environment;

        @Option(names = {"--database", "-d"}, required = true, paramLabel = "NAME",
                description = "The database, as named under the environment's databases.")
        String database;

        @Mixin
        DesiredStateInput input;

        DesiredEnvironment env;
        DatabaseSpec spec;
        Secrets secrets;

        /** Loads the desired state and finds the database; throws with a message a person can act on. */
        Selection resolve(CliSettings settings, PrintWriter err) {
            LoadResult loaded = input.load(settings, err);
            DesiredState state = Optional.ofNullable(loaded.state()).orElseThrow(() -> new IllegalArgumentException(
                    "the desired state in " + input.dir(settings) + " is not valid"));
            env = Names.environment(state, environment);
            spec = Optional.ofNullable(env.databases().get(database)).orElseThrow(() -> new IllegalArgumentException(
                    Names.missing("database", database, env.qualifiedName(), env.databases().keySet())));
            if (spec.backups() == null) {
                throw new IllegalArgumentException("database '" + database + "' declares no backups");
            }
            secrets = input.secrets(settings);
            return this;
        }

        /** The database's destinations, in declaration order. */
        List<Destination> destinations() {
            return Destination.of(env, spec, secrets);
        }

        /** The destination {@code position} (1 = the first declared). */
        Destination destination(int position) {
            List<Destination> all = destinations();
            if (position < 1 || position > all.size()) {
                throw new IllegalArgumentException("--destination " + position + ": database '" + spec.name()
                        + "' declares " + all.size() + " destination(s)");
            }
            return all.get(position - 1);
        }

        DatabaseTarget source() {
            String name = spec.url().name();
            return DatabaseTarget.parse(secrets.lookup(name).orElseThrow(
                    () -> new BackupException("the URL secret " + name + " of database " + spec.name() + " is not set")));
        }

        static BackupRunner runner() {
            return new BackupRunner(new PgProcesses(PostgresClientTools.find()),
                    Path.of(System.getProperty("java.io.tmpdir"), "switchman-backup"), Clock.systemUTC());
        }

        /** The backup {@code name} (the newest when null) in {@code destination}, checked to be of this database. */
        BackupManifest find(Destination destination, String name) {
            BackupManifest manifest = BackupRunner.find(destination.storage(), name).orElseThrow(() -> new BackupException(
                    (name == null ? "no backup" : "no backup named " + name) + " in " + destination.label()));
            if (!manifest.database().equals(spec.name()) || !manifest.environment().equals(env.name())) {
                throw new BackupException("backup " + manifest.name() + " is of " + manifest.environment() + "/"
                        + manifest.database() + ", not of " + env.name() + "/" + spec.name());
            }
            return manifest;
        }

        /** The backups of this database with the state store's catalog, when {@code DATABASE_URL} is set. */
        Optional<DatabaseBackups> withCatalog() {
            return StateStoreConnection.lookup(secrets).map(store -> new DatabaseBackups(runner(),
                    new BackupCatalog(store), new EventRepository(store), secrets, Clock.systemUTC()));
        }
    }

    /** {@code --destination N}: which destination to read (1 = the first declared). */
    static final class DestinationOption {

        @Option(names = "--destination", paramLabel = "N", defaultValue = "1",
                description = "Which destination to read, 1 for the first declared (default: ${DEFAULT-VALUE}).")
        int position;
    }

    @Command(name = "now", description = "Take a backup now (reason: manual), a verified copy in each destination;"
            + " with DATABASE_URL also recorded in the catalog and followed by retention and orphan cleanup.")
    static final class Now implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() {
            Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            Optional<DatabaseBackups> cataloged = s.withCatalog();
            BackupResult result = cataloged.isPresent()
                    ? cataloged.get().backup(s.env, s.spec, BackupReason.MANUAL, null)
                    : Selection.runner().backup(new BackupRunner.Target(s.env.project(), s.env.name(), s.spec.name(),
                            s.source(), s.destinations().stream().map(Destination::storage).toList(), null),
                            BackupReason.MANUAL, null);
            BackupManifest m = result.manifest();
            if (output.format.structured()) {
                ObjectNode json = manifest(m).put("recorded", cataloged.isPresent());
                ArrayNode copies = json.putArray("copies");
                result.copies().forEach(c -> copies.addObject().put("destination", c.destination())
                        .put("stored", c.stored()).put("error", c.error()));
                Documents.print(out, output.format, json);
            } else {
                out.printf("%s  %d bytes  %d ms  sha256 %s%n", m.name(), m.sizeBytes(), m.duration().toMillis(), m.sha256());
                result.copies().forEach(copy -> out.println("  " + copy));
                if (cataloged.isEmpty()) {
                    out.println("not recorded in the catalog and no retention applied: DATABASE_URL (the state store) is not set");
                }
            }
            return result.failedCopies().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
        }
    }

    @Command(name = "list", description = "List the backups in each destination, newest first.")
    static final class ListBackups implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() {
            Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            if (output.format.structured()) {
                ArrayNode destinations = Documents.JSON.createArrayNode();
                for (Destination destination : s.destinations()) {
                    ArrayNode backups = destinations.addObject().put("destination", destination.position())
                            .put("label", destination.label()).putArray("backups");
                    BackupRunner.list(destination.storage()).forEach(m -> backups.add(manifest(m)));
                }
                Documents.print(out, output.format, destinations);
                return ExitCode.OK;
            }
            for (Destination destination : s.destinations()) {
                out.printf("destination %d: %s%n", destination.position(), destination.label());
                for (BackupManifest m : BackupRunner.list(destination.storage())) {
                    out.printf("  %s  %s  %-13s  %d bytes  server %s%n", m.name(), m.createdAt(), m.reason().label(),
                            m.sizeBytes(), m.serverVersion());
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", description = "Check a backup's SHA-256 against its manifest (default: the newest);"
            + " --deep also checks that pg_restore reads the archive and lists every table it must hold.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Mixin
        DestinationOption destination;

        @Option(names = "--backup", paramLabel = "NAME", description = "The backup (default: the newest).")
        String backup;

        @Option(names = "--deep", description = "Also read the archive with pg_restore --list and look for its tables.")
        boolean deep;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() {
            Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
            Destination from = s.destination(destination.position);
            BackupManifest m = s.find(from, backup);
            List<String> tables = new ArrayList<>(m.tables());
            tables.addAll(DatabaseBackups.drillTables(s.spec));
            if (deep) {
                Selection.runner().verifyDeep(from.storage(), m, DatabaseBackups.drillTables(s.spec));
            } else {
                BackupRunner.fetchVerifiedToTemp(from.storage(), m);
            }
            if (output.format.structured()) {
                ObjectNode json = Documents.object().put("destination", from.position()).put("checksum", "ok")
                        .put("archive", deep ? "ok" : null);
                json.set("backup", manifest(m));
                Documents.print(spec.commandLine().getOut(), output.format, json);
            } else if (deep) {
                spec.commandLine().getOut().printf("%s: checksum OK (%s), archive OK (%d table(s) with data: %s)%n",
                        m.name(), m.sha256(), new LinkedHashSet<>(tables).size(), String.join(", ", tables));
            } else {
                spec.commandLine().getOut().printf("%s: checksum OK (%s)%n", m.name(), m.sha256());
            }
            return ExitCode.OK;
        }
    }

    /** A backup as {@code -o json} shows it: the manifest stored beside the dump. */
    static ObjectNode manifest(BackupManifest m) {
        try {
            return (ObjectNode) Documents.JSON.readTree(m.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
