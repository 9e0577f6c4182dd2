/**
 * The reconcile loop and what it runs on. So far: {@link dev.switchman.reconcile.DesiredStateHolder},
 * which keeps the last valid desired state in force while the files on disk (or the git branch, through
 * {@link dev.switchman.source.GitSource}) change.
 *
 * <p>May import every other Switchman package, Quarkus (CDI, scheduler) and Micrometer.
 */
package dev.switchman.reconcile;
