/**
 * The reconcile loop and what it runs on: {@link dev.switchman.reconcile.DesiredStateHolder} keeps
 * the last valid desired state in force; {@link dev.switchman.reconcile.ReconcileLoop} (the bean)
 * ticks a {@link dev.switchman.reconcile.ReconcileScheduler}, which decides when each environment
 * runs {@link dev.switchman.reconcile.EnvironmentReconciler} (one run at a time per environment,
 * interval with jitter, backoff, requeue, stalled, suspended); {@link dev.switchman.reconcile.LeaderLock}
 * lets one replica act at a time.
 *
 * <p>May import every other Switchman package, Quarkus (CDI, scheduler), JDBC (the leader lock's own
 * connection) and Micrometer.
 */
package dev.switchman.reconcile;
