package dev.switchman.reconcile;

import dev.switchman.apply.PlanExecutor;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Secrets;
import dev.switchman.migrate.MigrationGate;
import dev.switchman.notify.Notifier;
import dev.switchman.railway.RailwayApi;
import dev.switchman.rollout.Rollouts;
import dev.switchman.store.InventoryRepository;
import java.time.Duration;

/**
 * What a run works with: Railway, the records, the executor and the optional parts (rollouts null = deployments
 * are not followed; migrations null = an environment that declares them stalls).
 */
record ReconcileParts(RailwayApi railway, RailwayTargets targets, LastAppliedSnapshots snapshots, Secrets secrets,
        PlanExecutor executor, InventoryRepository inventoryRepository, ReconcileEvents events,
        ReconcileMetrics metrics, Notifier notifier, Rollouts rollouts, MigrationGate migrations,
        Duration migrationBusyRequeue) {

    StoreInventory inventory(DesiredEnvironment environment, String fingerprint) {
        return new StoreInventory(inventoryRepository, environment.project(), environment.name(), fingerprint);
    }
}
