/**
 * The reconcile loop and what it runs on: {@link dev.switchman.reconcile.DesiredStateHolder} keeps
 * the last valid desired state in force while the files on disk (or the git branch, through
 * {@link dev.switchman.source.GitSource}) change; {@link dev.switchman.reconcile.ReconcileLoop} (the
 * bean) ticks a {@link dev.switchman.reconcile.ReconcileScheduler}, which decides when each
 * environment runs {@link dev.switchman.reconcile.EnvironmentReconciler}: one observe-plan-apply-record
 * run ending in a {@link dev.switchman.reconcile.ReconcileOutcome}, its status recorded in
 * {@link dev.switchman.store.EnvironmentStatusRepository}. {@link dev.switchman.reconcile.LeaderLock}
 * lets one replica act at a time.
 *
 * <p>May import every other Switchman package, Quarkus (CDI, scheduler), JDBC (the leader lock's own
 * connection) and Micrometer.
 */
package dev.switchman.reconcile;
