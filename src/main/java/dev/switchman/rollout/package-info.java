/**
 * Health-gated rollouts: following the deployments Switchman started to a terminal Railway
 * status, verifying them with the service's declared checks, marking good deployments
 * last-known-good, rolling back failed ones and quarantining the revision that failed.
 * {@link dev.switchman.rollout.RolloutEvent} is what it tells the rest of the daemon.
 *
 * <p>The verdict logic ({@code VerificationPlan}, {@code CheckEvaluator}, {@code DeploymentPhase})
 * is pure; the adapters (HTTP checks, the store, Railway) may import java.net.http, JDBC through
 * {@code dev.switchman.store}, {@code dev.switchman.railway}, CDI and Micrometer.
 */
package dev.switchman.rollout;
