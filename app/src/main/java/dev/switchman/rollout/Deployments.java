package dev.switchman.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.observed.ObservedDeployment;
import dev.switchman.railway.Deployment;

/** A deployment as the environment read showed it, in the shape a {@code deployment(id)} answer has. */
final class Deployments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Deployments() {
    }

    static Deployment of(ObservedDeployment seen, String serviceId) {
        return new Deployment(seen.id(), serviceId, null, seen.status(), seen.createdAt(), seen.statusUpdatedAt(),
                seen.canRedeploy(), seen.canRollback(), seen.deploymentStopped(), null, JSON.valueToTree(seen.meta()));
    }
}
