package dev.switchman.apply;

import dev.switchman.observed.ObservedDeployment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVolume;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.railway.CreatedVolume;
import dev.switchman.railway.Deployment;
import dev.switchman.railway.ProjectTopology;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.railway.ServiceCreation;
import java.util.List;
import java.util.Optional;

/**
 * The writes that create something each time they are sent: a service, a volume and a deployment. When
 * Railway's answer is lost (a 5xx or timeout after the request left), the state is read first, and
 * the write is sent again only when that read shows it did not happen.
 */
final class UnknownOutcomes {

    private static final int DEPLOYMENTS_TO_CHECK = 5;

    private final RailwayApi railway;
    private final ObservedEnvironment fresh;

    UnknownOutcomes(RailwayApi railway, ObservedEnvironment fresh) {
        this.railway = railway;
        this.fresh = fresh;
    }

    /**
     * Creates the service without a source, so that Railway does not deploy it before its settings
     * and variables are written; the source comes with the settings update.
     */
    String createService(String projectId, String environmentId, String name) {
        ServiceCreation creation = new ServiceCreation(projectId, environmentId, name, null, null, null);
        try {
            return railway.createService(creation).id();
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            Optional<ProjectTopology.Service> existing = railway.projectTopology(projectId).service(name);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            return railway.createService(creation).id();
        }
    }

    /**
     * Creates the service's volume in this environment only and returns the new volume instance's
     * id, or null when even a re-read shows none yet. After a lost answer, a volume found on the
     * service counts as ours.
     */
    String createVolume(String service, String serviceId, String mountPath) {
        try {
            CreatedVolume created = railway.createVolume(fresh.projectId(), fresh.id(), serviceId, mountPath);
            return created.volumeInstanceId() != null ? created.volumeInstanceId() : mounted(service).orElse(null);
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            Optional<String> existing = mounted(service);
            return existing.isPresent() ? existing.get()
                    : railway.createVolume(fresh.projectId(), fresh.id(), serviceId, mountPath).volumeInstanceId();
        }
    }

    /** The volume instance on the service, read now. */
    private Optional<String> mounted(String service) {
        ObservedService now = RailwayEnvironmentParser.parse(railway.environmentState(fresh.id())).services().get(service);
        return Optional.ofNullable(now).map(ObservedService::volume).map(ObservedVolume::volumeInstanceId);
    }

    /** Starts one deployment; after a lost answer, a deployment newer than the one read counts as ours. */
    String deploy(String service, String serviceId, String environmentId) {
        try {
            return railway.deploy(serviceId, environmentId, null);
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            List<Deployment> recent = railway.deployments(serviceId, environmentId, DEPLOYMENTS_TO_CHECK);
            String before = latestDeploymentId(service);
            if (!recent.isEmpty() && !recent.get(0).id().equals(before)) {
                return recent.get(0).id();
            }
            return railway.deploy(serviceId, environmentId, null);
        }
    }

    private String latestDeploymentId(String service) {
        ObservedService current = fresh.services().get(service);
        ObservedDeployment latest = current == null ? null : current.latestDeployment();
        return latest == null ? null : latest.id();
    }
}
