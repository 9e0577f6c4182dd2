package dev.switchman.reconcile;

import dev.switchman.apply.WriteRecovery;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.DatabaseMigrator;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.migrate.SchemaBaselines;
import dev.switchman.migrate.SchemaWatch;
import dev.switchman.notify.Notifier;
import dev.switchman.railway.RailwayApi;
import dev.switchman.rollout.HttpAppChecks;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.RolloutSettings;
import dev.switchman.rollout.Rollouts;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EventRepository;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.RolloutRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What a reconcile run does beyond observe, plan, apply and record, each part optional: notifications,
 * following rollouts ({@code rollouts} null = deployments are not watched), database migrations
 * before deploys ({@code migrations} null = an environment that declares them stalls) and the diagnostics of
 * a newer, invalid desired state that concerns an environment ({@code diagnostics}: none by default).
 */
public record ReconcileExtensions(Notifier notifier, Rollouts rollouts, MigrationGate migrations,
        Duration migrationBusyRequeue, Function<DesiredEnvironment, List<String>> diagnostics,
        WriteRecovery writeRecovery) {

    public static final ReconcileExtensions NONE = new ReconcileExtensions(Notifier.disabled(), null, null,
            Duration.ofSeconds(30), e -> List.of(), WriteRecovery.DEFAULT);

    public ReconcileExtensions withNotifier(Notifier value) {
        return new ReconcileExtensions(value, rollouts, migrations, migrationBusyRequeue, diagnostics, writeRecovery);
    }

    public ReconcileExtensions withRollouts(Rollouts value) {
        return new ReconcileExtensions(notifier, value, migrations, migrationBusyRequeue, diagnostics, writeRecovery);
    }

    public ReconcileExtensions withMigrations(MigrationGate value) {
        return new ReconcileExtensions(notifier, rollouts, value, migrationBusyRequeue, diagnostics, writeRecovery);
    }

    /** How long a write whose answer was lost is looked for before it is sent again. */
    public ReconcileExtensions withWriteRecovery(WriteRecovery value) {
        return new ReconcileExtensions(notifier, rollouts, migrations, migrationBusyRequeue, diagnostics, value);
    }

    public ReconcileExtensions withDiagnostics(Function<DesiredEnvironment, List<String>> value) {
        return new ReconcileExtensions(notifier, rollouts, migrations, migrationBusyRequeue, value, writeRecovery);
    }

    /** The daemon's extensions, from its configuration. */
    static ReconcileExtensions wired(SwitchmanConfig config, DesiredStateHolder desired, RailwayApi railway,
            EventRepository events, MeterRegistry registry, Notifier notifier, RolloutRepository rolloutStore,
            HoldRepository holds, Consumer<RolloutEvent> rolloutEvents, DataSource store,
            Instance<PreMigrationBackup> backups, Secrets secrets) {
        SwitchmanConfig.Rollout rollout = config.rollout();
        CommandMigrationRuns commandRuns = new CommandMigrationRuns(new MigrationRuns(store),
                new MigrationMetrics(registry));
        Rollouts rollouts = !rollout.enabled() ? null : new Rollouts(railway, new HttpAppChecks(), rolloutStore, holds,
                events, registry, event -> {
                    commandRuns.on(event);
                    rolloutEvents.accept(event);
                }, new RolloutSettings(rollout.pollInterval(), rollout.maxWait(),
                        rollout.domainBaseUrl(), rollout.monitorInterval()), Instant::now);
        return new ReconcileExtensions(notifier, rollouts, migrationGate(config, desired, store, backups, secrets)
                .watchingSchema(new SchemaWatch(new SchemaBaselines(store), events, notifier,
                        config.migrate().schemaCheckInterval(), Clock.systemUTC())),
                config.migrate().busyRequeue(), e -> List.of(), WriteRecovery.DEFAULT);
    }

    /**
     * Against the sandbox the examples' database URLs are stand-ins with no database behind them: only a
     * URL secret really set is migrated there, the others are skipped.
     */
    private static MigrationGate migrationGate(SwitchmanConfig config, DesiredStateHolder desired, DataSource store,
            Instance<PreMigrationBackup> backups, Secrets secrets) {
        boolean sandbox = config.sandbox().enabled();
        Secrets urls = sandbox ? EnvironmentSecrets.fromProcess(config.secrets().dir().orElse(null))
                : secrets;
        Optional<PreMigrationBackup> backup = backups.isResolvable() ? Optional.of(backups.get()) : Optional.empty();
        String runner = config.migrate().runnerName().orElseGet(() -> ProcessHandle.current().pid() + "@" + hostName());
        return new MigrationGate(urls, desired::root,
                sandbox ? MigrationGate.MissingUrl.SKIP : MigrationGate.MissingUrl.STALL,
                new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store), backup, runner, Clock.systemUTC()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
