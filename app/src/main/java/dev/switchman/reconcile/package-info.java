/**
 * The reconcile loop and what it runs on: {@link dev.switchman.source.DesiredStateHolder} keeps
 * the last valid desired state in force while the files on disk (or the git branch, through
 * {@link dev.switchman.source.GitSource}) change; {@link dev.switchman.reconcile.ReconcileLoop} (the
 * bean) ticks a {@link dev.switchman.reconcile.ReconcileScheduler}, which decides when each
 * environment runs {@link dev.switchman.reconcile.EnvironmentReconciler}: one observe-plan-apply-record
 * run ending in a {@link dev.switchman.reconcile.ReconcileOutcome}, its status recorded in
 * {@link dev.switchman.store.EnvironmentStatusRepository}. {@link dev.switchman.store.LeaderLock}
 * lets one replica act at a time.
 *
 * <p>May import every Switchman package but {@code backup}, {@code web}, {@code cli} and {@code sandbox} (they
 * sit above the loop or beside it), Quarkus (CDI, scheduler) and Micrometer.
 */
package dev.switchman.reconcile;
