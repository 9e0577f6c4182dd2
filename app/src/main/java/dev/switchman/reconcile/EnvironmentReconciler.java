package dev.switchman.reconcile;

import dev.switchman.apply.PlanExecutor;
import dev.switchman.apply.RailwayTargets;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.migrate.MigrationNotices;
import dev.switchman.migrate.PreMigrationBackup;
import dev.switchman.notify.Notifier;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.rollout.RolloutControl;
import dev.switchman.rollout.RolloutEvent;
import dev.switchman.rollout.Rollouts;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.store.EventRepository;
import dev.switchman.store.HoldRepository;
import dev.switchman.store.InventoryRepository;
import dev.switchman.store.LastAppliedRepository;
import dev.switchman.store.RolloutRepository;
import dev.switchman.store.RunRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One reconcile of one environment: observe (one read), decide (pure), act, record; the pipeline itself is
 * {@link EnvironmentRun}.
 *
 * <p>Identity is per environment: {@code fingerprint} is the environment's own (a change elsewhere in the
 * tree is not a change here) and {@code provenance} the commit or content revision it was read at. Drift is a
 * comparison with what was last applied, whatever happened to other environments: with {@code drift:
 * reportOnly} it is only reported, with {@code selfHeal} it is reverted. A suspended environment is still
 * read and planned (its status shows pending changes) but nothing is written.
 *
 * <p>Status goes to {@link EnvironmentStatusRepository} (conditions Ready/Reconciling/Stalled,
 * fingerprint and provenance, last run, drift, pending changes and deployments), history to
 * {@link RunRepository} and the event log.
 */
@ApplicationScoped
public class EnvironmentReconciler implements ReconcileScheduler.Action {

    private static final Logger LOG = Logger.getLogger(EnvironmentReconciler.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final ReconcileParts parts;
    private final Rollouts rollouts;
    private final RunRepository runs;
    private final StatusRecorder status;
    private final Function<DesiredEnvironment, List<String>> invalid;

    @Inject
    EnvironmentReconciler(RailwayApi railway, DesiredStateHolder desired, SwitchmanConfig config,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, EventRepository events, MeterRegistry registry,
            Notifier notifier, RolloutRepository rolloutStore, HoldRepository holds,
            Event<RolloutEvent> rolloutEvents, DataSource store,
            Instance<PreMigrationBackup> backups, Secrets secrets) {
        this(railway, name -> desired.current().flatMap(state -> state.railwayProjectId(name)),
                secrets, runs, lastApplied, inventory, statuses, events, registry,
                ReconcileExtensions.wired(config, desired, railway, events, registry, notifier, rolloutStore, holds,
                        rolloutEvents::fire, store, backups, secrets).withDiagnostics(desired::invalidDiagnostics));
    }

    /**
     * Without extensions: no notifications, deployments not followed, and an environment that declares
     * {@code migrations.path} Stalls ({@code MigrationsNotConfigured}) rather than deploying unmigrated.
     *
     * @param projectIds desired project name -> its declared {@code railwayProjectId}, if any
     */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, EventRepository events, MeterRegistry registry) {
        this(railway, projectIds, secrets, runs, lastApplied, inventory, statuses, events, registry,
                ReconcileExtensions.NONE);
    }

    /** @param extensions notifications, rollouts, migrations and desired-state diagnostics, each optional */
    public EnvironmentReconciler(RailwayApi railway, Function<String, Optional<String>> projectIds, Secrets secrets,
            RunRepository runs, LastAppliedRepository lastApplied, InventoryRepository inventory,
            EnvironmentStatusRepository statuses, EventRepository events, MeterRegistry registry,
            ReconcileExtensions extensions) {
        MigrationGate migrations = extensions.migrations() == null ? null : extensions.migrations()
                .observedBy(MigrationNotices.to(extensions.notifier()).andThen(new MigrationMetrics(registry)));
        RailwayTargets targets = new RailwayTargets(railway, projectIds);
        this.parts = new ReconcileParts(railway, targets, new Observations(railway, targets),
                new LastAppliedSnapshots(lastApplied, inventory), secrets, new PlanExecutor(railway, extensions.writeRecovery()), inventory,
                new ReconcileEvents(events), new ReconcileMetrics(registry), extensions.notifier(),
                extensions.rollouts() == null ? RolloutControl.NONE : extensions.rollouts(), migrations,
                extensions.migrationBusyRequeue());
        this.rollouts = extensions.rollouts();
        this.runs = runs;
        this.status = new StatusRecorder(statuses);
        this.invalid = extensions.diagnostics();
    }

    /** Reconciles {@code environment} at its {@code fingerprint}, provenance unknown (tests, one-shot commands). */
    public ReconcileOutcome reconcile(DesiredEnvironment environment, String fingerprint, String trigger) {
        return reconcile(environment, fingerprint, null, trigger);
    }

    /**
     * Reconciles {@code environment} at {@code fingerprint}; never throws for Railway or store failures
     * (they become {@link ReconcileOutcome.Retry}).
     *
     * @param provenance the commit or content revision the fingerprint was read at, or null
     * @param trigger why this run happens: {@code interval}, {@code revision}, {@code manual}, {@code webhook}
     */
    @Override
    public void startTogether(List<DesiredEnvironment> batch) {
        parts.observations().together(batch);
    }

    @Override
    public ReconcileOutcome reconcile(DesiredEnvironment environment, String fingerprint, String provenance,
            String trigger) {
        Instant started = Instant.now();
        RunRecord run = new RunRecord(environment, fingerprint, provenance);
        run.diagnostics = invalid.apply(environment);
        ReconcileOutcome outcome;
        try {
            run.id = runs.start(environment.project(), environment.name(), fingerprint, provenance, trigger, started);
            outcome = new EnvironmentRun(parts, environment, fingerprint, provenance, run).run();
        } catch (RailwayTargets.Unresolved unresolved) {
            outcome = new ReconcileOutcome.Stalled("RailwayEnvironmentNotFound", unresolved.getMessage());
        } catch (RailwayException failure) {
            outcome = Outcomes.of(failure, RETRY_AFTER);
            if (failure instanceof RailwayException.NotFound) {
                parts.targets().forget(environment);
            }
        } catch (StoreException failure) {
            outcome = new ReconcileOutcome.Retry("StateStoreUnavailable", failure.getMessage(), RETRY_AFTER);
        }
        return finish(environment, run, outcome, started);
    }

    /** The rollouts this reconciler follows (for the CLI's rollback and retry); empty when disabled. */
    public Optional<Rollouts> rollouts() {
        return Optional.ofNullable(rollouts);
    }

    /** The Railway id of the environment (looked up by name when the YAML does not declare it). */
    public String environmentId(DesiredEnvironment environment) {
        return parts.targets().environmentId(environment);
    }

    private ReconcileOutcome finish(DesiredEnvironment environment, RunRecord run, ReconcileOutcome outcome,
            Instant started) {
        String result = result(outcome);
        Duration took = Duration.between(started, Instant.now());
        parts.metrics().run(result, took);
        boolean changed = true;
        try {
            if (run.id != null) {
                runs.finish(run.id, Instant.now(), result, run.summary(outcome, took), Outcomes.error(outcome));
            }
            changed = status.record(environment.project(), environment.name(), outcome, run.facts(outcome));
            if (changed) {
                parts.events().outcome(environment, outcome);
            }
        } catch (StoreException failure) {
            outcome = new ReconcileOutcome.Retry("StateStoreUnavailable", failure.getMessage(), RETRY_AFTER);
            result = result(outcome);
        }
        // one INFO line per state change; a requeue every few seconds while a rollout runs, or a no-op interval
        // run, repeats the state it is in and is DEBUG
        LOG.logf(changed ? Logger.Level.INFO : Logger.Level.DEBUG, "reconciled %s at %s: %s (%s) in %d ms",
                environment.qualifiedName(), run.revision, result, StatusRecorder.reason(outcome, run.facts(outcome)),
                took.toMillis());
        return outcome;
    }

    /** {@code Converged}, {@code Progressing}, {@code Retry} or {@code Stalled}: the metric's result tag. */
    static String result(ReconcileOutcome outcome) {
        return outcome.getClass().getSimpleName();
    }
}
