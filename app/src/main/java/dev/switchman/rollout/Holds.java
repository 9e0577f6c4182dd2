package dev.switchman.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.railway.Deployment;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import dev.switchman.railway.ServiceInstanceUpdate;
import dev.switchman.settings.Setting;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import dev.switchman.store.Hold;
import dev.switchman.store.HoldRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a rolled-back service on its last verified source in Railway's own settings: Railway deploys what
 * the settings name whenever it redeploys by itself (a restart, a variable edited in the dashboard), so
 * after a rollback they must name the good image (or pin the good commit), not the one that failed. The
 * settings are written without deploying. A hold lasts until a newer revision or {@code switchman retry}
 * releases it, which names the desired source again.
 */
public final class Holds {

    private final RailwayApi railway;
    private final HoldRepository store;
    private final EventRepository events;

    public Holds(RailwayApi railway, HoldRepository store, EventRepository events) {
        this.railway = railway;
        this.store = store;
        this.events = events;
    }

    /** Services held in the environment now. */
    public List<Hold> held(DesiredEnvironment environment) {
        return store.held(environment.project(), environment.name());
    }

    /**
     * The desired environment as it must be enforced while {@code holds} stand: each held image service with
     * its held image, so that keeping it there is not a change to make.
     */
    public static DesiredEnvironment enforced(DesiredEnvironment environment, List<Hold> holds) {
        if (holds.stream().noneMatch(h -> h.image() != null)) {
            return environment;
        }
        Map<String, ServiceSpec> services = new LinkedHashMap<>(environment.services());
        for (Hold hold : holds) {
            ServiceSpec spec = services.get(hold.service());
            if (hold.image() == null || spec == null) {
                continue;
            }
            services.put(hold.service(), spec.withSettings(spec.settings().with(Setting.SOURCE_IMAGE, hold.image())));
        }
        return new DesiredEnvironment(environment.project(), environment.name(), environment.railwayEnvironmentId(),
                services, environment.sharedVariables(), environment.databases(), environment.policy(),
                environment.source(), environment.sources(), environment.notifications());
    }

    /**
     * Sets {@code serviceId}'s source back to what {@code good} runs and records the hold; Railway failures are
     * recorded as an event and leave the service unheld (the next run still reports what runs).
     */
    void place(String project, String environment, String environmentId, String service, String serviceId,
            String revision, Deployment good, String reason, boolean othersStaged, Instant at) {
        String image = text(good, "image");
        String commit = image == null ? text(good, "commitHash") : null;
        if (image == null && commit == null) {
            return;
        }
        if (commit != null && othersStaged) {
            append(project, environment, at, "Warning", "HoldNotPlaced", service + " could not be held on commit "
                    + commit + ": staged changes by someone else wait in the environment and a pin would publish"
                    + " them; Railway may redeploy the failed source by itself");
            return;
        }
        try {
            ObjectNode source = JsonNodeFactory.instance.objectNode();
            if (image != null) {
                source.put("image", image);
                ObjectNode input = JsonNodeFactory.instance.objectNode();
                input.set("source", source);
                railway.updateServiceInstance(new ServiceInstanceUpdate(serviceId, environmentId, input));
            } else {
                source.put("commitSha", commit);
                pin(environmentId, serviceId, source);
            }
        } catch (RailwayException e) {
            append(project, environment, at, "Warning", "HoldNotPlaced", service + " could not be held on "
                    + good.id() + ": " + e.getMessage() + "; Railway may redeploy the failed source by itself");
            return;
        }
        store.hold(new Hold(project, environment, service, revision, good.id(), image, commit, reason, at));
        append(project, environment, at, "Normal", "ServiceHeld", service + " is held on " + (image != null
                ? "image " + image : "commit " + commit) + " (deployment " + good.id() + ") until a newer revision"
                + " or switchman retry");
    }

    /**
     * Releases every hold of the environment: its services name their desired source again in Railway's
     * settings (nothing is deployed here). Returns the services released, which now owe a deployment.
     *
     * @param serviceIds service name -> Railway id, from the environment read
     */
    public List<String> release(DesiredEnvironment environment, String environmentId, Map<String, String> serviceIds,
            String why, Instant at) {
        return release(environment, environmentId, serviceIds, null, why, at);
    }

    /**
     * Releases the holds placed for another fingerprint than {@code fingerprint} (all of them when it is null):
     * a newer revision is tried as declared; the holds of the revision being rolled back or quarantined stand.
     */
    public List<String> release(DesiredEnvironment environment, String environmentId, Map<String, String> serviceIds,
            String fingerprint, String why, Instant at) {
        List<String> released = new ArrayList<>();
        for (Hold hold : held(environment)) {
            if (fingerprint != null && fingerprint.equals(hold.revision())) {
                continue;
            }
            ServiceSpec spec = environment.services().get(hold.service());
            String serviceId = serviceIds.get(hold.service());
            if (spec != null && serviceId != null) {
                String image = spec.settings().text(Setting.SOURCE_IMAGE);
                ObjectNode wanted = JsonNodeFactory.instance.objectNode();
                if (hold.image() != null && image != null) {
                    wanted.put("image", image);
                    ObjectNode input = JsonNodeFactory.instance.objectNode();
                    input.set("source", wanted);
                    railway.updateServiceInstance(new ServiceInstanceUpdate(serviceId, environmentId, input));
                } else if (hold.commitSha() != null) {
                    wanted.putNull("commitSha");
                    pin(environmentId, serviceId, wanted);
                }
            }
            store.release(hold.project(), hold.environment(), hold.service());
            released.add(hold.service());
            append(hold.project(), hold.environment(), at, "Normal", "HoldReleased", hold.service()
                    + " is no longer held on " + hold.deploymentId() + " (" + why + ")");
        }
        return released;
    }

    /** A commit pin is only expressible as a config patch: staged and committed without deploying. */
    private void pin(String environmentId, String serviceId, ObjectNode source) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("services").putObject(serviceId).set("source", source);
        railway.stageChanges(environmentId, patch, true);
        railway.commitStagedChanges(environmentId, "switchman: hold " + serviceId, true);
    }

    private static String text(Deployment deployment, String field) {
        return deployment.meta() == null ? null : deployment.meta().path(field).textValue();
    }

    private void append(String project, String environment, Instant at, String type, String reason, String message) {
        events.append(EnvironmentEvent.of(project, environment, at, type, reason, message, null));
    }
}
