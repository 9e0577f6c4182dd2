package dev.switchman.railway;

import java.util.Optional;

/**
 * What a rollback request did.
 *
 * @param accepted Railway's answer to {@code deploymentRollback}
 * @param newDeployment the deployment the rollback created, or null if it was not listed yet
 *     (poll {@link RailwayApi#deployments} for it)
 */
public record Rollback(boolean accepted, Deployment newDeployment) {

    public Optional<Deployment> found() {
        return Optional.ofNullable(newDeployment);
    }
}
