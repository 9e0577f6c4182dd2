package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.backup.BackupCatalog;
import dev.switchman.backup.BackupException;
import dev.switchman.backup.BackupManifest;
import dev.switchman.backup.BackupReason;
import dev.switchman.backup.BackupRunner;
import dev.switchman.backup.BackupStorage;
import dev.switchman.backup.DatabaseTarget;
import dev.switchman.backup.PgProcesses;
import dev.switchman.backup.PostgresClientTools;
import dev.switchman.config.DatabaseUrl;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code switchman backup now|list|verify|restore --env E --database D}: works from the desired
 * state and the destination alone (manifests are stored beside the dumps); with {@code DATABASE_URL}
 * set, {@code now} also records the backup in the state store's catalog.
 */
@Command(name = "backup", description = "Take, list, verify and restore database backups.",
        subcommands = {BackupCommand.Now.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class,
                BackupRestoreCommand.class, CommandLine.HelpCommand.class})
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

        BackupStorage storage() {
            return BackupStorage.open(spec.backups().destination(), secrets, env.project(), env.name(), spec.name());
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

        BackupManifest find(String name) {
            BackupManifest manifest = BackupRunner.find(storage(), name).orElseThrow(() -> new BackupException(
                    (name == null ? "no backup" : "no backup named " + name) + " in " + storage().describe()));
            if (!manifest.database().equals(spec.name()) || !manifest.environment().equals(env.name())) {
                throw new BackupException("backup " + manifest.name() + " is of " + manifest.environment() + "/"
                        + manifest.database() + ", not of " + env.name() + "/" + spec.name());
            }
            return manifest;
        }
    }

    @Command(name = "now", description = "Take a backup now (reason: manual).")
    static final class Now implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() {
            CliSettings settings = CliSettings.of(spec);
            Selection s = selection.resolve(settings, spec.commandLine().getErr());
            BackupCatalog catalog = settings.variable("DATABASE_URL").map(url -> {
                DatabaseUrl parsed = DatabaseUrl.parse(url);
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setUrl(parsed.jdbcUrl());
                dataSource.setUser(parsed.username());
                dataSource.setPassword(parsed.password());
                return new BackupCatalog(dataSource);
            }).orElse(null);
            BackupManifest m = Selection.runner().backup(new BackupRunner.Target(s.env.project(), s.env.name(),
                    s.spec.name(), s.source(), s.storage(), catalog), BackupReason.MANUAL, null);
            if (output.format.structured()) {
                Documents.print(spec.commandLine().getOut(), output.format, manifest(m));
            } else {
                spec.commandLine().getOut().printf("%s  %d bytes  %d ms  sha256 %s%n", m.name(), m.sizeBytes(),
                        m.duration().toMillis(), m.sha256());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List the backups in the destination, newest first.")
    static final class ListBackups implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() {
            Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
            List<BackupManifest> backups = BackupRunner.list(s.storage());
            if (output.format.structured()) {
                ArrayNode list = Documents.JSON.createArrayNode();
                backups.forEach(m -> list.add(manifest(m)));
                Documents.print(spec.commandLine().getOut(), output.format, list);
                return ExitCode.OK;
            }
            for (BackupManifest m : backups) {
                spec.commandLine().getOut().printf("%s  %s  %-13s  %d bytes  server %s%n", m.name(), m.createdAt(),
                        m.reason().label(), m.sizeBytes(), m.serverVersion());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", description = "Check a backup's SHA-256 against its manifest (default: the newest).")
    static final class Verify implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Selection selection;

        @Option(names = "--backup", paramLabel = "NAME", description = "The backup (default: the newest).")
        String backup;

        @Mixin
        OutputOption output = new OutputOption();

        @Override
        public Integer call() throws Exception {
            Selection s = selection.resolve(CliSettings.of(spec), spec.commandLine().getErr());
            BackupManifest m = s.find(backup);
            Path work = Files.createTempFile("switchman-verify", ".dump");
            try {
                BackupRunner.fetchVerified(s.storage(), m, work);
            } finally {
                Files.deleteIfExists(work);
            }
            if (output.format.structured()) {
                ObjectNode result = Documents.object().put("checksum", "ok");
                result.set("backup", manifest(m));
                Documents.print(spec.commandLine().getOut(), output.format, result);
            } else {
                spec.commandLine().getOut().printf("%s: checksum OK (%s)%n", m.name(), m.sha256());
            }
            return ExitCode.OK;
        }
    }

    /** A backup as {@code -o json} shows it: the manifest stored beside the dump. */
    static JsonNode manifest(BackupManifest m) {
        try {
            return Documents.JSON.readTree(m.toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
