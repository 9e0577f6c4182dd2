package dev.switchman.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.apply.ApplyReport;
import dev.switchman.apply.PlanExecutor;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredProject;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.Change;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.LastAppliedJson;
import dev.switchman.plan.Plan;
import dev.switchman.plan.Planner;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.secrets.SandboxSecrets;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchman.migrate.DatabaseMigrator;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationLocks;
import dev.switchman.migrate.MigrationOutcome;
import dev.switchman.migrate.MigrationRuns;
import dev.switchman.migrate.PreMigrationBackup;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One reconcile of one environment: observe (one read), plan (pure), execute, record.
 *
 * <p>Policy: a suspended environment is still read and planned (its status shows pending changes)
 * but nothing is written. Drift is a non-empty plan at the revision already applied; with
 * {@code drift: reportOnly} it is only reported, with {@code selfHeal} it is reverted. A new
 * revision is always applied, drift included, like Argo CD's auto-sync without selfHeal.
 *
 * <p>Status goes to {@link EnvironmentStatusRepository} (conditions Ready/Reconciling/Stalled,
 * revision, last run, drift, pending changes), history to {@link RunRepository} and the event log.
 */
@ApplicationScoped
public class EnvironmentReconciler {

    private static final Logger LOG = Logger.getLogger(EnvironmentReconciler.class);
    private static final Duration REQUEUE_AFTER_DEPLOY = Duration.ofSeconds(15);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final RailwayApi railway;
    private final RailwayTargets targets;
    private final PlanExecutor executor;
    private final Secrets secrets;
    private final RunRepository runs;
    private final LastAppliedRepository lastApplied;
    private final InventoryRepository inventory;
    private final StatusRecorder status;
    private final ReconcileEvents events;
    private final ReconcileMetrics metrics;
    private final MigrationGate migrations;
    private Duration busyRequeue = Duration.ofSeconds(30);

    @Inject
    EnvironmentReconciler(RailwayApi railway, DesiredStateHolder desired, SwitchmanConfig config,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry,
            DataSource store, Instance<PreMigrationBackup> backups) {
        this(railway, name -> desired.current().flatMap(state -> state.projects().stream()
                        .filter(p -> p.name().equals(name)).findFirst()).map(DesiredProject::railwayProjectId),
                secrets(config), runs, lastApplied, inventory, statuses, events, registry,
                migrationGate(config, desired, store, backups));
        this.busyRequeue = config.migrate().busyRequeue();
    }

    /**
     * Against the sandbox the examples' database URLs are stand-ins with no database behind them: only a
     * URL secret really set is migrated there, the others are skipped.
     */
    private static MigrationGate migrationGate(SwitchmanConfig config, DesiredStateHolder desired, DataSource store,
            Instance<PreMigrationBackup> backups) {
        boolean sandbox = config.sandbox().enabled();
        Secrets urls = sandbox ? EnvironmentSecrets.fromProcess(config.secrets().dir().orElse(null)) : secrets(config);
        Optional<PreMigrationBackup> backup = backups.isResolvable() ? Optional.of(backups.get()) : Optional.empty();
        String runner = config.migrate().runnerName().orElseGet(() -> ProcessHandle.current().pid() + "@" + hostName());
        return new MigrationGate(urls, desired::root,
                sandbox ? MigrationGate.MissingUrl.SKIP : MigrationGate.MissingUrl.STALL,
                new DatabaseMigrator(new MigrationLocks(store), new MigrationRuns(store), backup, runner, Clock.systemUTC()));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static Secrets secrets(SwitchmanConfig config) {
        Secrets fromProcess = EnvironmentSecrets.fromProcess(config.secrets().dir().orElse(null));
        return config.sandbox().enabled() ? new SandboxSecrets(fromProcess) : fromProcess;
    }

    /**
     * Without a migration gate: an environment that declares {@code migrations.path} Stalls
     * ({@code MigrationsNotConfigured}) rather than deploying unmigrated.
     *
     * @param projectIds desired project name -> its declared {@code railwayProjectId}, if any
     */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry) {
        this(railway, projectIds, secrets, runs, lastApplied, inventory, statuses, events, registry, null);
    }

    /** @param migrations runs the environment's database migrations before anything is deployed; null for none */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry,
            MigrationGate migrations) {
        this.migrations = migrations;
        this.railway = railway;
        this.targets = new RailwayTargets(railway, projectIds);
        this.executor = new PlanExecutor(railway);
        this.secrets = secrets;
        this.runs = runs;
        this.lastApplied = lastApplied;
        this.inventory = inventory;
        this.status = new StatusRecorder(statuses);
        this.events = new ReconcileEvents(events);
        this.metrics = new ReconcileMetrics(registry);
    }

    /**
     * Reconciles {@code environment} at {@code revision}; never throws for Railway or store failures
     * (they become {@link ReconcileOutcome.Retry}).
     *
     * @param trigger why this run happens: {@code interval}, {@code revision}, {@code manual}, {@code webhook}
     */
    public ReconcileOutcome reconcile(DesiredEnvironment environment, String revision, String trigger) {
        Instant started = Instant.now();
        RunRecord run = new RunRecord(environment, revision);
        ReconcileOutcome outcome;
        try {
            run.id = runs.start(environment.project(), environment.name(), revision, trigger, started);
            outcome = observePlanApply(environment, revision, run);
        } catch (RailwayTargets.Unresolved unresolved) {
            outcome = new ReconcileOutcome.Stalled("RailwayEnvironmentNotFound", unresolved.getMessage());
        } catch (RailwayException failure) {
            outcome = Outcomes.of(failure, RETRY_AFTER);
            if (failure instanceof RailwayException.NotFound) {
                targets.forget(environment);
            }
        } catch (StoreException failure) {
            outcome = new ReconcileOutcome.Retry("StateStoreUnavailable", failure.getMessage(), RETRY_AFTER);
        }
        return finish(environment, run, outcome, started);
    }

    private ReconcileOutcome observePlanApply(DesiredEnvironment environment, String revision, RunRecord run) {
        String environmentId = targets.environmentId(environment);
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(railway.environmentState(environmentId));
        LastApplied previous = loadLastApplied(environment);
        run.lastAppliedRevision = previous.revision();
        Plan plan = Planner.plan(revision, environment, observed, previous, secrets);
        run.plan = plan;
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        boolean drift = !plan.changes().isEmpty() && revision != null && revision.equals(previous.revision());
        if (drift) {
            run.drift = plan.changes().stream().map(Change::address).toList();
            metrics.driftDetected(environment.qualifiedName(), run.drift.size());
            events.driftDetected(environment, revision, run.drift, policy.drift());
        }
        if (!plan.isApplicable()) {
            return Outcomes.blocked(plan);
        }
        if (policy.suspend()) {
            run.suspended = true;
            return new ReconcileOutcome.Stalled("Suspended", "the environment is suspended; "
                    + plan.changes().size() + " change(s) wait until it is resumed");
        }
        Optional<ReconcileOutcome> migrationHalt = migrate(environment, revision);
        if (migrationHalt.isPresent()) {
            return migrationHalt.get();
        }
        if (plan.changes().isEmpty()) {
            return Outcomes.inSync(revision, observed);
        }
        if (drift && policy.drift() == Policy.DriftMode.REPORT_ONLY) {
            return new ReconcileOutcome.Converged(revision, 0, run.drift.size());
        }
        ApplyReport report = executor.execute(plan,
                fresh -> Planner.plan(revision, environment, fresh, previous, secrets),
                new StoreInventory(inventory, environment.project(), environment.name(), revision));
        run.report = report;
        run.plan = report.plan();
        events.applied(environment, revision, report);
        if (!report.succeeded()) {
            return Outcomes.failed(report, RETRY_AFTER);
        }
        LastApplied next = previous.afterApplying(report.plan(), environment, secrets);
        lastApplied.save(new dev.switchman.store.LastApplied(environment.project(), environment.name(),
                LastAppliedJson.write(next).toString(), revision == null ? "" : revision, Instant.now()));
        run.lastAppliedRevision = revision;
        run.applied = true;
        if (drift) {
            metrics.driftCorrected(environment.qualifiedName(), run.drift.size());
        }
        int applied = report.plan().changes().size();
        return report.deploymentsStarted().isEmpty()
                ? new ReconcileOutcome.Converged(revision, applied, run.drift.size())
                : new ReconcileOutcome.Progressing(revision, REQUEUE_AFTER_DEPLOY, "DeploymentsStarted");
    }

    /**
     * Rollout order: (verified pre-migration backup ->) migrations -> deploy. Runs on every reconcile
     * that may write (a history check is one query per database); empty when the rollout may go on.
     */
    private Optional<ReconcileOutcome> migrate(DesiredEnvironment environment, String revision) {
        if (!MigrationGate.migrates(environment)) {
            return Optional.empty();
        }
        if (migrations == null) {
            return Optional.of(new ReconcileOutcome.Stalled("MigrationsNotConfigured",
                    "the environment declares database migrations but this reconciler runs none"));
        }
        MigrationOutcome outcome = migrations.pass(environment, revision);
        if (!outcome.haltsRollout()) {
            LOG.debugf("migrations of %s at %s: %s", environment.qualifiedName(), revision, outcome.summary());
            return Optional.empty();
        }
        return Optional.of(MigrationOutcomes.of(outcome, revision, busyRequeue, RETRY_AFTER));
    }

    /** The stored snapshot, with services whose creation was recorded in the inventory (even if the run that created them died). */
    private LastApplied loadLastApplied(DesiredEnvironment environment) {
        LastApplied stored = lastApplied.find(environment.project(), environment.name())
                .map(row -> LastAppliedJson.read(Json.read(row.snapshotJson())))
                .orElse(LastApplied.empty());
        java.util.Set<String> owned = new java.util.TreeSet<>(stored.inventory());
        inventory.list(environment.project(), environment.name()).stream()
                .filter(entry -> StoreInventory.SERVICE.equals(entry.kind())).forEach(entry -> owned.add(entry.name()));
        return new LastApplied(stored.revision(), owned, stored.variableFingerprints(), stored.managedSettings());
    }

    private ReconcileOutcome finish(DesiredEnvironment environment, RunRecord run, ReconcileOutcome outcome,
            Instant started) {
        String result = result(outcome);
        Duration took = Duration.between(started, Instant.now());
        metrics.run(result, took);
        try {
            if (run.id != null) {
                runs.finish(run.id, Instant.now(), result, run.summary(outcome, took), Outcomes.error(outcome));
            }
            if (status.record(environment.project(), environment.name(), outcome, run.facts(outcome))) {
                events.outcome(environment, outcome);
            }
        } catch (StoreException failure) {
            outcome = new ReconcileOutcome.Retry("StateStoreUnavailable", failure.getMessage(), RETRY_AFTER);
            result = result(outcome);
        }
        LOG.infof("reconciled %s at %s: %s (%s) in %d ms", environment.qualifiedName(), run.revision, result,
                StatusRecorder.reason(outcome, run.facts(outcome)), took.toMillis());
        return outcome;
    }

    /** {@code Converged}, {@code Progressing}, {@code Retry} or {@code Stalled}: the metric's result tag. */
    static String result(ReconcileOutcome outcome) {
        return outcome.getClass().getSimpleName();
    }

    /** Jackson for the stored snapshot; one mapper for the class. */
    private static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static com.fasterxml.jackson.databind.JsonNode read(String json) {
            try {
                return MAPPER.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable last-applied snapshot", e);
            }
        }
    }
}
