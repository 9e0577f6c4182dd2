package dev.switchman.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.store.RolloutRow;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building a {@link Rollout} from the deployments a run started, or back from its stored row. */
final class RolloutRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RolloutRows() {
    }

    /**
     * The services of {@code deployments} (service -> deployment id) in dependency order, each with its
     * checks, the migration command it runs and the pre-migration backup taken for it ({@code backups}).
     */
    static Rollout rollout(long id, DesiredEnvironment environment, String environmentId, String revision,
            String provenance, Map<String, String> deployments, Map<String, String> backups, Instant now) {
        List<ServiceRollout> services = new ArrayList<>();
        for (String name : ServiceOrder.dependenciesFirst(environment.services())) {
            String deployment = deployments.get(name);
            if (deployment != null) {
                ServiceSpec spec = environment.services().get(name);
                services.add(new ServiceRollout(name, deployment, spec.verify(), spec.dependsOn()));
            }
        }
        deployments.keySet().stream().filter(name -> !environment.services().containsKey(name))
                .forEach(name -> services.add(new ServiceRollout(name, deployments.get(name), null, List.of())));
        for (ServiceRollout service : services) {
            service.migration = MigrationCommand.of(environment, service.name);
            service.preMigrationBackup = backups.get(service.name);
        }
        Policy policy = environment.policy() == null ? Policy.DEFAULT : environment.policy();
        return new Rollout(id, environment.project(), environment.name(), environmentId, revision, provenance,
                policy.rollback(), services, now);
    }

    /** A rollout left in progress in the store (by a restart, or by a command that stopped following it). */
    static Rollout of(RolloutRow row, DesiredEnvironment environment, String environmentId, Instant now) {
        return rollout(row.id(), environment, environmentId, row.revision(), row.provenance(),
                field(row, "deploymentId"), field(row, RolloutRecorder.PRE_MIGRATION_BACKUP), now);
    }

    /** Service -> the value of {@code field} in a stored rollout's services (services without it left out). */
    static Map<String, String> field(RolloutRow row, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode service : read(row.servicesJson())) {
            String value = service.path(field).textValue();
            if (value != null) {
                values.put(service.path("service").asText(), value);
            }
        }
        return values;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }
}
