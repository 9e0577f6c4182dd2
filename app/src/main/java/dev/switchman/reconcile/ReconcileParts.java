package dev.switchman.reconcile;

import dev.switchman.apply.PlanExecutor;
import dev.switchman.apply.RailwayTargets;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.notify.Notifier;
import dev.switchman.railway.RailwayApi;
import dev.switchman.rollout.RolloutControl;
import dev.switchman.store.InventoryRepository;
import java.time.Duration;

/**
 * What a run works with: Railway, the records, the executor and the optional parts ({@code rollouts} is
 * {@link RolloutControl#NONE} when deployments are not followed; {@code migrations} null makes an environment
 * that declares them stall rather than deploy unmigrated).
 */
record ReconcileParts(RailwayApi railway, RailwayTargets targets, Observations observations,
        LastAppliedSnapshots snapshots, Secrets secrets,
        PlanExecutor executor, InventoryRepository inventoryRepository, ReconcileEvents events,
        ReconcileMetrics metrics, Notifier notifier, RolloutControl rollouts, MigrationGate migrations,
        Duration migrationBusyRequeue) {

    StoreInventory inventory(DesiredEnvironment environment, String fingerprint) {
        return new StoreInventory(inventoryRepository, environment.project(), environment.name(), fingerprint);
    }
}
