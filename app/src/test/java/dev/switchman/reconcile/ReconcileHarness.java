package dev.switchman.reconcile;

import dev.switchman.apply.WriteRecovery;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import dev.switchman.migrate.DatabaseMigrator;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.notify.Notifier;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.CountingTransport;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.SandboxRailwayClients;
import dev.switchman.rollout.HttpAppChecks;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.RolloutSettings;
import dev.switchman.rollout.Rollouts;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFixture;
import dev.switchman.sandbox.SandboxServer;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.EventRepository;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import dev.switchman.store.NotificationRepository;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.testing.StoreTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One sandbox project "shop" (environment production, empty) served over HTTP, the real client on
 * the sandbox's clock, the real store, and a reconciler over them. Desired state is written as
 * YAML and loaded by the real loader.
 */
final class ReconcileHarness implements AutoCloseable {

    static final String TOKEN = "account-token";

    final RailwaySandbox sandbox;
    final SandboxServer server;
    final CountingTransport transport;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RailwayApi railway;
    final String projectId;
    final String environmentId;
    final RunRepository runs;
    final EnvironmentStatusRepository statuses;
    final LastAppliedRepository lastApplied;
    final InventoryRepository inventory;
    final EventRepository events;
    final NotificationRepository notifications;
    /** How long a write whose answer was lost is looked for: a second, three times (slow mutations take longer). */
    WriteRecovery writeRecovery = new WriteRecovery(
            Duration.ofSeconds(1), 3, duration -> Thread.sleep(duration.toMillis()));
    /** The diagnostics of a newer, invalid desired state per environment; none by default. */
    Function<DesiredEnvironment, List<String>> invalid = environment -> List.of();
    /** Set before the first reconcile to have drift notified; none by default. */
    Notifier notifier = Notifier.disabled();
    final RolloutRepository rolloutStore;
    final HoldRepository holds;
    private final Path desiredDir;
    private DesiredState state;
    Map<String, String> secrets = Map.of("API_KEY", "s3cret-value");

    /** A harness over an emptied store. */
    static ReconcileHarness fresh(DataSource dataSource, Path desiredDir) {
        return fresh(dataSource, desiredDir, "production");
    }

    /** A harness whose sandbox project has {@code environments} (the first is the one {@link #desire} writes). */
    static ReconcileHarness fresh(DataSource dataSource, Path desiredDir, String... environments) {
        StoreTables.truncateAll(dataSource);
        return new ReconcileHarness(dataSource, desiredDir, environments);
    }

    ReconcileHarness(DataSource dataSource, Path desiredDir) {
        this(dataSource, desiredDir, "production");
    }

    ReconcileHarness(DataSource dataSource, Path desiredDir, String... environments) {
        this.sandbox = SandboxFixture.create().accountToken(TOKEN)
                .set("rateLimits", Map.of("perHour", 10000, "perSecond", 50))
                .project("shop", p -> p.environments(environments)).build();
        this.server = new SandboxServer(sandbox).start(0);
        this.transport = new CountingTransport(server.url() + "/graphql/v2");
        this.railway = SandboxRailwayClients.create(sandbox, transport, TOKEN, registry);
        this.projectId = sandbox.projectId("shop");
        this.environmentId = sandbox.environmentId("shop", "production");
        this.runs = new RunRepository(dataSource);
        this.statuses = new EnvironmentStatusRepository(dataSource);
        this.lastApplied = new LastAppliedRepository(dataSource);
        this.inventory = new InventoryRepository(dataSource);
        this.events = new EventRepository(dataSource);
        this.notifications = new NotificationRepository(dataSource);
        this.rolloutStore = new RolloutRepository(dataSource);
        this.holds = new HoldRepository(dataSource);
        this.store = dataSource;
        this.commandMigrationRuns = new CommandMigrationRuns(new MigrationRuns(dataSource),
                new MigrationMetrics(registry));
        this.desiredDir = desiredDir;
    }

    /** Whether the desired project declares its {@code railwayProjectId}; without it Switchman finds it by name. */
    boolean declareProjectId = true;

    /** Writes the project and its production environment; {@code environmentSpec} is YAML under {@code spec:}. */
    DesiredEnvironment desire(String environmentSpec) {
        return desire("production", environmentSpec);
    }

    /** Writes the project and the environment {@code name} (other environments' files stay as they are). */
    DesiredEnvironment desire(String name, String environmentSpec) {
        try {
            Files.writeString(desiredDir.resolve("project.yaml"), """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Project
                    metadata:
                      name: shop
                    """ + (declareProjectId ? "spec:\n  railwayProjectId: " + projectId + "\n" : ""));
            Files.writeString(desiredDir.resolve(name + ".yaml"), """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata:
                      name: %s
                      project: shop
                    spec:
                    %s""".formatted(name, environmentSpec.indent(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadResult result = DesiredStateLoader.load(desiredDir);
        if (result.hasErrors()) {
            throw new AssertionError("invalid test YAML: " + result.diagnostics());
        }
        state = result.state();
        return state.environment("shop/" + name).orElseThrow();
    }

    /** The client gives up on a write's answer after {@code timeout} (real time); the reconciler is rebuilt. */
    void useMutationTimeout(Duration timeout) {
        railway = SandboxRailwayClients.create(sandbox, transport, TOKEN, registry, timeout);
        reconciler = null;
        if (rollouts != null) {
            followRollouts();
        }
    }

    /**
     * Changes the tree elsewhere: another project's file (its {@code n}-th version), as a commit to another part of
     * the repository does. Reloads, and returns shop/production as the new state declares it.
     */
    DesiredEnvironment desireElsewhere(int n) {
        try {
            Files.writeString(desiredDir.resolve("blog.yaml"), """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Project
                    metadata:
                      name: blog
                    ---
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata:
                      name: production
                      project: blog
                    spec:
                      sharedVariables:
                        EDITION: "%d"
                    """.formatted(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadResult result = DesiredStateLoader.load(desiredDir);
        if (result.hasErrors()) {
            throw new AssertionError("invalid test YAML: " + result.diagnostics());
        }
        state = result.state();
        return state.environment("shop/production").orElseThrow();
    }

    /** The tree revision (commit or content) the state written last was read at. */
    String provenance() {
        return state.revision();
    }

    /** The daemon restarts: a new reconciler (and rollouts) over the same store and Railway. */
    void restart() {
        reconciler = null;
        if (rollouts != null) {
            followRollouts();
        }
    }

    /** The environment {@code project/name} of the desired state written last. */
    Optional<DesiredEnvironment> environment(String name) {
        return Optional.ofNullable(state).flatMap(s -> s.environment(name));
    }

    /** The fingerprint of shop/production in the desired state written last. */
    String revision() {
        return state.fingerprint(state.environment("shop/production").orElseThrow());
    }

    private EnvironmentReconciler reconciler;

    /** Runs the desired databases' migrations before deploys; set before the first reconcile. */
    MigrationGate migrationGate;

    /**
     * Makes the reconciler migrate the databases the desired state declares, reading their URLs from
     * {@link #secrets}, with the run log and leases in this harness's store; an empty {@code backup} takes none.
     */
    ReconcileHarness migrating(Optional<PreMigrationBackup> backup) {
        migrationGate = new MigrationGate(name -> Optional.ofNullable(secrets.get(name)), () -> desiredDir,
                MigrationGate.MissingUrl.STALL, new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store),
                        backup, "test-runner", Clock.systemUTC()));
        return this;
    }

    /** One reconciler for the harness, as the daemon has one: its project cache lives across runs. */
    EnvironmentReconciler reconciler() {
        if (reconciler == null) {
            reconciler = newReconciler();
        }
        return reconciler;
    }

    private EnvironmentReconciler newReconciler() {
        return new EnvironmentReconciler(railway, name -> Optional.ofNullable(state).flatMap(s -> s.railwayProjectId(name)),
                name -> Optional.ofNullable(secrets.get(name)), runs, lastApplied, inventory, statuses, events,
                registry, ReconcileExtensions.NONE.withNotifier(notifier).withRollouts(rollouts)
                        .withMigrations(migrationGate).withDiagnostics(invalid).withWriteRecovery(writeRecovery));
    }

    /** Set by {@link #followRollouts()}: the reconciler follows, verifies and rolls back its deployments. */
    Rollouts rollouts;
    final List<RolloutEvent> heard = new CopyOnWriteArrayList<>();
    private final CommandMigrationRuns commandMigrationRuns;
    private final DataSource store;

    /** Makes the harness's reconciler follow rollouts, checking the sandbox's app endpoints on its clock. */
    ReconcileHarness followRollouts() {
        rollouts = new Rollouts(railway, new HttpAppChecks(), rolloutStore, holds, events, registry, event -> {
                    commandMigrationRuns.on(event);
                    heard.add(event);
                },
                RolloutSettings.DEFAULT.withDomainBaseUrl(server.url() + "/apps/"), () -> sandbox.clock().now());
        reconciler = null;
        return this;
    }

    /** Reconciles, advancing the sandbox by each Progressing requeue, until the run ends otherwise (at most {@code runs}). */
    ReconcileOutcome drive(DesiredEnvironment environment, int runs) {
        ReconcileOutcome outcome = reconcile(environment);
        for (int i = 1; i < runs && outcome instanceof ReconcileOutcome.Progressing progressing; i++) {
            sandbox.advance(progressing.requeueAfter());
            outcome = reconcile(environment);
        }
        return outcome;
    }

    ReconcileOutcome reconcile(DesiredEnvironment environment) {
        return reconciler().reconcile(environment, state.fingerprint(environment), state.revision(), "test");
    }

    ObservedEnvironment observe() {
        return RailwayEnvironmentParser.parse(railway.environmentState(environmentId));
    }

    String serviceId(String name) {
        return sandbox.serviceId("shop", name);
    }

    double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        server.close();
    }
}
