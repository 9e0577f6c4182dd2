package dev.switchman.reconcile;

import dev.switchman.apply.ApplyReport;
import dev.switchman.apply.PlanExecutor;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.notify.Notifier;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.Change;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.Plan;
import dev.switchman.plan.Planner;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.Rollouts;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.PreMigrationBackup;
import jakarta.enterprise.inject.Instance;
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
    private final LastAppliedSnapshots snapshots;
    private final InventoryRepository inventory;
    private final StatusRecorder status;
    private final ReconcileEvents events;
    private final ReconcileMetrics metrics;
    private final Notifier notifier;
    private final Rollouts rollouts;
    private final MigrationGate migrations;
    private final Duration migrationBusyRequeue;

    @Inject
    EnvironmentReconciler(RailwayApi railway, DesiredStateHolder desired, SwitchmanConfig config,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry,
            Notifier notifier, RolloutRepository rolloutStore, jakarta.enterprise.event.Event<RolloutEvent> rolloutEvents,
            DataSource store, Instance<PreMigrationBackup> backups, Secrets secrets) {
        this(railway, name -> desired.current().flatMap(state -> state.railwayProjectId(name)),
                secrets, runs, lastApplied, inventory, statuses, events, registry,
                ReconcileExtensions.wired(config, desired, railway, events, registry, notifier, rolloutStore,
                        rolloutEvents::fire, store, backups, secrets));
    }

    /**
     * Without extensions: no notifications, deployments not followed, and an environment that declares
     * {@code migrations.path} Stalls ({@code MigrationsNotConfigured}) rather than deploying unmigrated.
     *
     * @param projectIds desired project name -> its declared {@code railwayProjectId}, if any
     */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry) {
        this(railway, projectIds, secrets, runs, lastApplied, inventory, statuses, events, registry,
                ReconcileExtensions.NONE);
    }

    /** @param extensions notifications, rollouts and migrations, each optional */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, dev.switchman.store.EventRepository events, MeterRegistry registry,
            ReconcileExtensions extensions) {
        this.notifier = extensions.notifier();
        this.rollouts = extensions.rollouts();
        this.migrations = extensions.migrations() == null ? null : extensions.migrations()
                .observedBy(MigrationNotices.to(notifier).andThen(new MigrationMetrics(registry)));
        this.migrationBusyRequeue = extensions.migrationBusyRequeue();
        this.railway = railway;
        this.targets = new RailwayTargets(railway, projectIds);
        this.executor = new PlanExecutor(railway);
        this.secrets = secrets;
        this.runs = runs;
        this.snapshots = new LastAppliedSnapshots(lastApplied, inventory);
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
        if (rollouts != null) {
            ReconcileOutcome held = Outcomes.held(rollouts.before(environment, environmentId, revision));
            if (held != null) {
                return held;
            }
        }
        com.fasterxml.jackson.databind.JsonNode state = railway.environmentState(environmentId);
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(state);
        if (rollouts != null) {
            ReconcileOutcome held = Outcomes.held(rollouts.monitor(environment, environmentId, revision, state));
            if (held != null) {
                return held;
            }
        }
        LastApplied previous = snapshots.load(environment);
        run.lastAppliedRevision = previous.revision();
        Plan plan = Planner.plan(revision, environment, observed, previous, secrets);
        run.plan = plan;
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        boolean drift = !plan.changes().isEmpty() && revision != null && revision.equals(previous.revision());
        if (drift) {
            run.drift = plan.changes().stream().map(Change::address).toList();
            metrics.driftDetected(environment.qualifiedName(), run.drift.size());
            events.driftDetected(environment, revision, run.drift, policy.drift());
            notifier.notify(DriftNotices.detected(environment, revision, plan.changes(), policy.drift()));
        }
        if (!plan.isApplicable()) {
            return Outcomes.blocked(plan);
        }
        if (policy.suspend()) {
            run.suspended = true;
            return new ReconcileOutcome.Stalled("Suspended", "the environment is suspended; "
                    + plan.changes().size() + " change(s) wait until it is resumed");
        }
        Optional<ReconcileOutcome> migrationHalt = MigrationOutcomes.gate(migrations, environment, revision,
                migrationBusyRequeue, RETRY_AFTER);
        if (migrationHalt.isPresent()) {
            return migrationHalt.get();
        }
        if (plan.changes().isEmpty()) {
            notifier.notify(DriftNotices.corrected(environment, revision, false));
            return Outcomes.inSync(revision, observed);
        }
        if (drift && policy.drift() == Policy.DriftMode.REPORT_ONLY) {
            return new ReconcileOutcome.Converged(revision, 0, run.drift.size());
        }
        MigrationOutcomes.BeforeDeploy backups = MigrationOutcomes.beforeDeploying(migrations, environment, revision,
                plan, RETRY_AFTER);
        if (backups.halt() != null) {
            return backups.halt();
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
        snapshots.save(environment, next, revision);
        run.lastAppliedRevision = revision;
        run.applied = true;
        if (drift) {
            metrics.driftCorrected(environment.qualifiedName(), run.drift.size());
        }
        notifier.notify(DriftNotices.corrected(environment, revision, drift));
        int applied = report.plan().changes().size();
        if (report.deploymentsStarted().isEmpty()) {
            return new ReconcileOutcome.Converged(revision, applied, run.drift.size());
        }
        if (rollouts != null) {
            return Outcomes.held(rollouts.started(environment, environmentId, revision, report.deploymentsStarted(),
                    backups.backups()));
        }
        return new ReconcileOutcome.Progressing(revision, REQUEUE_AFTER_DEPLOY, "DeploymentsStarted");
    }

    /** The rollouts this reconciler follows (for the CLI's rollback and retry); empty when disabled. */
    public Optional<Rollouts> rollouts() {
        return Optional.ofNullable(rollouts);
    }

    /** The Railway id of the environment (looked up by name when the YAML does not declare it). */
    public String environmentId(DesiredEnvironment environment) {
        return targets.environmentId(environment);
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
}
