/**
 * The reconcile loop and what it runs on: {@link dev.switchman.reconcile.DesiredStateHolder}, which
 * keeps the last valid desired state in force while the files on disk (or the git branch, through
 * {@link dev.switchman.source.GitSource}) change, and
 * {@link dev.switchman.reconcile.EnvironmentReconciler}, one observe-plan-apply-record run of one
 * environment ending in a {@link dev.switchman.reconcile.ReconcileOutcome}; its status goes to
 * {@link dev.switchman.store.EnvironmentStatusRepository}.
 *
 * <p>May import every other Switchman package, Quarkus (CDI, scheduler) and Micrometer.
 */
package dev.switchman.reconcile;
