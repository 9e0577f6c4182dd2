package dev.switchman.reconcile;

import dev.switchman.apply.ApplyReport;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.notify.DriftNotices;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.Plan;
import dev.switchman.plan.Planner;
import dev.switchman.plan.RunDecision;
import dev.switchman.rollout.Holds;
import dev.switchman.rollout.RolloutControl;
import dev.switchman.rollout.RolloutGate;
import dev.switchman.rollout.Rollouts;
import dev.switchman.store.Hold;
import dev.switchman.store.Quarantine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run of one environment as a straight pipeline: read the environment once, decide everything from that
 * one observation and the records (plan, drift, deployments owed, the rollout under way, quarantine and holds),
 * act, and hand the outcome back to be recorded. Nothing below re-reads Railway to decide.
 *
 * <p>A quarantined environment is still observed: its drift is reported (and, with {@code selfHeal}, reverted
 * to what was last applied), its rolled-back deployments are monitored, but nothing of the quarantined revision
 * is applied or deployed.
 */
final class EnvironmentRun {


    private final ReconcileParts parts;
    private final DesiredEnvironment environment;
    private final String fingerprint;
    private final String provenance;
    private final RunRecord run;
    private final Policy policy;
    private final RolloutControl rollouts;
    private String environmentId;
    private LastApplied last;
    private DesiredEnvironment enforced;
    private List<Hold> holds = List.of();
    private Instant observedAt;

    EnvironmentRun(ReconcileParts parts, DesiredEnvironment environment, String fingerprint, String provenance,
            RunRecord run) {
        this.parts = parts;
        this.environment = environment;
        this.fingerprint = fingerprint;
        this.provenance = provenance;
        this.run = run;
        this.policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        this.rollouts = parts.rollouts();
    }

    ReconcileOutcome run() {
        environmentId = parts.targets().environmentId(environment);
        Observations.Read read = parts.observations().read(environment, environmentId);
        observedAt = read.at();
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(read.state());
        last = parts.snapshots().load(environment);
        run.lastAppliedRevision = last.revision();
        Rollouts.QuarantineCheck check = rollouts.quarantine(environment, environmentId, fingerprint, observed);
        Optional<Quarantine> quarantine = check.inForce();
        if (!check.released().isEmpty()) {
            last = last.owing(check.released());
            parts.snapshots().save(environment, last, last.revision());
            // the release named the desired sources again: decide on what Railway holds now
            observed = RailwayEnvironmentParser.parse(parts.railway().environmentState(environmentId));
            observedAt = Instant.now();
        }
        holds = rollouts.held(environment);
        enforced = Holds.enforced(environment, holds);
        RunDecision decision = decide(observed, quarantine.isPresent());
        run.plan = decision.plan();
        run.undeployed = decision.undeployed();
        reportDrift(decision);
        RolloutGate gate = rollouts.follow(environment, environmentId, fingerprint, provenance, observed,
                decision.changesRailway());
        if (!(gate instanceof RolloutGate.Proceed)) {
            return Outcomes.held(gate); // a rollout under way, or one that failed just now (its rollback acted)
        }
        RolloutGate watched = rollouts.monitor(environment, environmentId, fingerprint, provenance, observed);
        if (watched instanceof RolloutGate.Wait) {
            return Outcomes.held(watched);
        }
        return act(observed, decision, quarantine);
    }

    /** The run's plan and what it does with it ({@link RunDecision}), on {@code observed}. */
    private RunDecision decide(ObservedEnvironment observed, boolean quarantined) {
        Plan plan = Planner.plan(fingerprint, enforced, observed, last, parts.secrets());
        Set<String> held = new LinkedHashSet<>();
        holds.forEach(h -> held.add(h.service()));
        return RunDecision.of(plan, enforced, last, observed, parts.secrets(), quarantined, held);
    }

    private ReconcileOutcome act(ObservedEnvironment observed, RunDecision decision, Optional<Quarantine> quarantine) {
        Plan plan = decision.plan();
        if (!plan.isApplicable()) {
            return Outcomes.blocked(plan);
        }
        if (policy.suspend()) {
            run.suspended = true;
            return new ReconcileOutcome.Stalled("Suspended", "the environment is suspended; "
                    + plan.changes().size() + " change(s) and " + decision.undeployed().size()
                    + " deployment(s) wait until it is resumed");
        }
        Plan toApply = decision.toApply();
        if (quarantine.isEmpty()) {
            Optional<ReconcileOutcome> halt = MigrationOutcomes.gate(parts.migrations(), environment, fingerprint,
                    parts.migrationBusyRequeue(), EnvironmentReconciler.RETRY_AFTER);
            if (halt.isPresent()) {
                return halt.get();
            }
        }
        if (toApply.changes().isEmpty() && toApply.redeploys().isEmpty()) {
            return settled(observed, decision, quarantine);
        }
        MigrationOutcomes.BeforeDeploy backups = MigrationOutcomes.beforeDeploying(parts.migrations(), environment,
                fingerprint, toApply, EnvironmentReconciler.RETRY_AFTER);
        if (backups.halt() != null) {
            return backups.halt();
        }
        // intent first: a lost answer or a crash after the writes still deploys on the next run
        last = last.owing(decision.owes());
        parts.snapshots().save(environment, last, last.revision());
        boolean quarantined = quarantine.isPresent();
        ApplyReport report = parts.executor().execute(toApply, observed, observedAt,
                fresh -> decide(fresh, quarantined).toApply(), parts.inventory(environment, fingerprint));
        run.report = report;
        parts.events().applied(environment, fingerprint, report);
        if (!report.succeeded()) {
            last = last.deployed(report.deploymentsStarted().keySet());
            parts.snapshots().save(environment, last, last.revision());
            return Outcomes.failed(report, EnvironmentReconciler.RETRY_AFTER);
        }
        last = last.afterApplying(report.plan(), enforced, parts.secrets()).deployed(report.deploymentsStarted().keySet());
        parts.snapshots().save(environment, last, fingerprint);
        run.lastAppliedRevision = fingerprint;
        run.undeployed = new LinkedHashMap<>(decision.undeployed());
        run.undeployed.keySet().removeAll(report.deploymentsStarted().keySet());
        correctedDrift(decision, report);
        if (quarantined) {
            run.undeployed = decision.undeployed();
            return Outcomes.quarantined(quarantine.get());
        }
        if (report.deploymentsStarted().isEmpty()) {
            return new ReconcileOutcome.Converged(fingerprint, report.applied().size(), run.drift.size());
        }
        return Outcomes.held(rollouts.started(environment, environmentId, fingerprint, provenance,
                report.deploymentsStarted(), backups.backups()));
    }

    /** Nothing to write this run: the environment is as it can be; keep the record of what is in force. */
    private ReconcileOutcome settled(ObservedEnvironment observed, RunDecision decision, Optional<Quarantine> quarantine) {
        LastApplied inSync = last.afterApplying(decision.toApply(), enforced, parts.secrets());
        if (!decision.changesRailway() && !inSync.equals(last)) {
            parts.snapshots().save(environment, inSync, fingerprint);
            run.lastAppliedRevision = fingerprint;
        }
        if (quarantine.isPresent()) {
            return Outcomes.quarantined(quarantine.get());
        }
        if (decision.drift().isEmpty() && decision.undeployed().isEmpty()) {
            parts.notifier().notify(DriftNotices.corrected(environment, fingerprint, false));
        }
        if (!decision.drift().isEmpty() || !decision.undeployed().isEmpty()) {
            return new ReconcileOutcome.Converged(fingerprint, 0, decision.drift().size());
        }
        return Outcomes.inSync(fingerprint, observed);
    }

    private void reportDrift(RunDecision decision) {
        if (decision.drift().isEmpty()) {
            return;
        }
        run.drift = List.copyOf(decision.drift());
        parts.metrics().driftDetected(environment.qualifiedName(), run.drift.size());
        parts.events().driftDetected(environment, fingerprint, run.drift, policy.drift());
        parts.notifier().notify(DriftNotices.detected(environment, fingerprint, decision.plan().changes().stream()
                .filter(c -> decision.drift().contains(c.address())).toList(), policy.drift()));
    }

    private void correctedDrift(RunDecision decision, ApplyReport report) {
        boolean reverted = policy.drift() == Policy.DriftMode.SELF_HEAL && !decision.drift().isEmpty();
        if (reverted) {
            parts.metrics().driftCorrected(environment.qualifiedName(), decision.drift().size());
        }
        if (reverted || decision.drift().isEmpty()) {
            parts.notifier().notify(DriftNotices.corrected(environment, fingerprint, reverted));
        }
    }
}
