package dev.switchman.rollout;

import dev.switchman.railway.DeploymentEvent;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which step of a FAILED deployment failed, from Railway's deployment events (the status alone does
 * not say). Not knowing is no reason to stop following the rollout: a Railway error reading the
 * events leaves the failure unexplained.
 */
final class FailedSteps {

    private static final Logger LOG = Logger.getLogger(FailedSteps.class);

    private final RailwayApi railway;

    FailedSteps(RailwayApi railway) {
        this.railway = railway;
    }

    /** The last step that failed, with Railway's error; empty when the events do not say or cannot be read. */
    Optional<DeploymentEvent> of(String deploymentId) {
        List<DeploymentEvent> events;
        try {
            events = railway.deploymentEvents(deploymentId);
        } catch (RailwayException e) {
            LOG.warnf("could not read the events of deployment %s, its failure stays unexplained: %s", deploymentId,
                    e.getMessage());
            return Optional.empty();
        }
        return events.stream().filter(DeploymentEvent::failed).reduce((earlier, later) -> later);
    }
}
