/**
 * Health-gated rollouts: following the deployments Switchman started to a terminal Railway
 * status, verifying them with the service's declared checks, marking good deployments
 * last-known-good, rolling back failed ones and quarantining the revision that failed. A FAILED
 * deployment's failed step comes from Railway's deployment events; a failed pre-deploy command that
 * runs a database migration quarantines the revision as a failed migration.
 * {@link dev.switchman.rollout.Rollouts} is what the reconciler calls (it answers with a
 * {@link dev.switchman.rollout.RolloutGate}); {@link dev.switchman.rollout.RolloutEvent} is what it
 * tells the rest of the daemon (notifications).
 *
 * <p>The verdicts ({@code DeploymentPhase}, {@code CheckEvaluator}) are pure; {@code RolloutEngine},
 * {@code Rollbacks} and {@code Monitor} step rollouts through {@code dev.switchman.railway},
 * {@code HttpAppChecks} (java.net.http) and {@code dev.switchman.store}. May import desired,
 * observed, the setting catalog (settings), railway, store, Jackson, Micrometer and JBoss logging;
 * not reconcile, web or cli, and no CDI (the reconciler builds it and fires its events).
 */
package dev.switchman.rollout;
