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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The writes that are not idempotent (docs/railway-writes.md): a service, a volume, a deployment and a staged
 * patch's commit each happen once per request. When Railway's answer is lost (a 5xx or a timeout after the
 * request left), the outcome is looked up in Railway's state, {@link WriteRecovery#checks} times a
 * {@link WriteRecovery#settle} apart so that a request still executing lands first, and the write is sent again
 * only when it did not happen. A service is project-wide: it is created once, whichever environment asks first.
 */
final class UnknownOutcomes {

    private static final int DEPLOYMENTS_TO_CHECK = 5;
    private static final String NAME_TAKEN = "already taken";
    private static final String NOTHING_STAGED = "no staged changes";

    private final RailwayApi railway;
    private final ObservedEnvironment fresh;
    private final WriteRecovery recovery;
    private final ProjectLocks locks;

    UnknownOutcomes(RailwayApi railway, ObservedEnvironment fresh, WriteRecovery recovery, ProjectLocks locks) {
        this.railway = railway;
        this.fresh = fresh;
        this.recovery = recovery;
        this.locks = locks;
    }

    /** A service of the project: one another environment made, or a new one, without a source yet. */
    record ProjectService(String id, boolean existed) {
    }

    /**
     * The project's service {@code name}, created without a source (so that Railway does not deploy it before its
     * settings and variables are written), or, when Railway says another environment's run created it already,
     * looked up: this environment then only adds its instance. Runs of one project wanting the same service take
     * turns, so the second always finds the first's.
     */
    ProjectService service(String projectId, String environmentId, String name) {
        ReentrantLock lock = locks.service(projectId, name);
        lock.lock();
        try {
            return create(new ServiceCreation(projectId, environmentId, name, null, null, null));
        } finally {
            lock.unlock();
        }
    }

    private ProjectService create(ServiceCreation creation) {
        try {
            return new ProjectService(railway.createService(creation).id(), false);
        } catch (RailwayException.Rejected refused) {
            if (!mentions(refused, NAME_TAKEN)) {
                throw refused;
            }
            // made meanwhile by someone else (another replica, a person): it is the project's service all the same
            return new ProjectService(lookUp(creation).orElseThrow(() -> refused), true);
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            Optional<String> made = settled(() -> lookUp(creation));
            return made.map(id -> new ProjectService(id, false))
                    .orElseGet(() -> new ProjectService(railway.createService(creation).id(), false));
        }
    }

    private Optional<String> lookUp(ServiceCreation creation) {
        return railway.projectTopology(creation.projectId()).service(creation.name()).map(ProjectTopology.Service::id);
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
            Optional<String> existing = settled(() -> mounted(service));
            return existing.isPresent() ? existing.get()
                    : railway.createVolume(fresh.projectId(), fresh.id(), serviceId, mountPath).volumeInstanceId();
        }
    }

    /** The volume instance on the service, read now. */
    private Optional<String> mounted(String service) {
        ObservedService now = RailwayEnvironmentParser.parse(railway.environmentState(fresh.id())).services().get(service);
        return Optional.ofNullable(now).map(ObservedService::volume).map(ObservedVolume::volumeInstanceId);
    }

    /** Starts one deployment; after a lost answer, a deployment newer than the one read before counts as ours. */
    String deploy(String service, String serviceId, String environmentId) {
        try {
            return railway.deploy(serviceId, environmentId, null);
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            String before = latestDeploymentId(service);
            return settled(() -> railway.deployments(serviceId, environmentId, DEPLOYMENTS_TO_CHECK).stream()
                    .findFirst().map(Deployment::id).filter(id -> !id.equals(before)))
                    .orElseGet(() -> railway.deploy(serviceId, environmentId, null));
        }
    }

    /**
     * Commits the environment's staged patch without deploying. After a lost answer the patch is committed when
     * nothing is staged any more; Railway's "no staged changes" to a repeated commit says the same.
     */
    void commit(String message) {
        try {
            railway.commitStagedChanges(fresh.id(), message, true);
        } catch (RailwayException.Transient unknown) {
            if (!unknown.mayHaveTakenEffect()) {
                throw unknown;
            }
            boolean committed = settled(() -> Optional.of(true).filter(yes -> RailwayEnvironmentParser.parse(
                    railway.environmentState(fresh.id())).unmergedChangesCount() == 0)).isPresent();
            if (!committed) {
                commitAgain(message);
            }
        }
    }

    private void commitAgain(String message) {
        try {
            railway.commitStagedChanges(fresh.id(), message, true);
        } catch (RailwayException.Rejected refused) {
            if (!mentions(refused, NOTHING_STAGED)) {
                throw refused;
            }
        }
    }

    /** Looks {@link WriteRecovery#checks} times, a settle apart, until the write shows. */
    private <T> Optional<T> settled(Supplier<Optional<T>> look) {
        for (int check = 1; ; check++) {
            Optional<T> found = look.get();
            if (found.isPresent() || check >= recovery.checks()) {
                return found;
            }
            recovery.pause();
        }
    }

    private String latestDeploymentId(String service) {
        ObservedService current = fresh.services().get(service);
        ObservedDeployment latest = current == null ? null : current.latestDeployment();
        return latest == null ? null : latest.id();
    }

    private static boolean mentions(RailwayException failure, String words) {
        return Objects.toString(failure.getMessage(), "").toLowerCase(Locale.ROOT).contains(words);
    }
}
