package dev.switchman.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * The Railway adapter: the one bean that owns auth, the request budget, retries, error
 * classification and metrics (all in its {@link GraphqlCaller}); this class only maps the
 * port's records to operation variables and responses back.
 */
@ApplicationScoped
public class RailwayClient implements RailwayApi {

    private static final int ROLLBACK_LOOKUP_DEPTH = 20;

    private final GraphqlCaller caller;
    private final ObjectMapper json = new ObjectMapper();
    private final VolumeCalls volumes;

    @Inject
    RailwayClient(RailwayConfig config, MeterRegistry registry, RailwayStatus status) {
        this(transport(config), config, registry, RailwayClock.system(),
                () -> ThreadLocalRandom.current().nextDouble(), status);
    }

    /** A client outside CDI: for command-line tools that do not start Quarkus. */
    public static RailwayClient standalone(RailwayConfig config) {
        return new RailwayClient(transport(config), config, new SimpleMeterRegistry(), RailwayClock.system(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    RailwayClient(GraphqlTransport transport, RailwayConfig config, MeterRegistry registry, RailwayClock clock,
            DoubleSupplier random) {
        this(transport, config, registry, clock, random, new RailwayStatus());
    }

    RailwayClient(GraphqlTransport transport, RailwayConfig config, MeterRegistry registry, RailwayClock clock,
            DoubleSupplier random, RailwayStatus status) {
        ApiBudget budget = new ApiBudget(config.requestsPerHour(), config.requestsPerSecond(), clock);
        status.watch(budget);
        this.caller = new GraphqlCaller(transport, OperationDocuments.load(RailwayClient.class.getClassLoader()),
                RailwayAuth.choose(config.token(), config.apiToken()), budget, clock,
                new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), random),
                config.retry(), Timeouts.of(config), config.budgetPatience(), new RailwayMetrics(registry, budget, status),
                json);
        this.volumes = new VolumeCalls(caller, json);
    }

    private static GraphqlTransport transport(RailwayConfig config) {
        return new JdkHttpTransport(URI.create(config.apiUrl()), config.connectTimeout());
    }

    @Override
    public JsonNode environmentState(String environmentId) {
        return new EnvironmentStateReader(caller, json).read(environmentId);
    }

    @Override
    public Map<String, JsonNode> environmentStates(List<String> environmentIds) {
        return environmentIds.isEmpty() ? Map.of() : new EnvironmentStateReader(caller, json)
                .readMany(environmentIds, caller.document(Operation.ENVIRONMENT_STATES));
    }

    @Override
    public ProjectTopology projectTopology(String projectId) {
        return new TopologyReader(caller, json).read(projectId);
    }

    @Override
    public Optional<String> findProjectId(String name) {
        return new ProjectFinder(caller, json).find(name);
    }

    @Override
    public void updateServiceInstance(ServiceInstanceUpdate update) {
        ObjectNode variables = json.createObjectNode().put("serviceId", update.serviceId())
                .put("environmentId", update.environmentId());
        variables.set("input", update.input());
        caller.expectTrue(Operation.SERVICE_INSTANCE_UPDATE, variables, "serviceInstanceUpdate",
                serviceIn(update.serviceId(), update.environmentId()));
    }

    @Override
    public void updateLimits(LimitsUpdate update) {
        ObjectNode input = json.createObjectNode().put("serviceId", update.serviceId())
                .put("environmentId", update.environmentId());
        update.limits().forEach(input::put);
        caller.expectTrue(Operation.SERVICE_INSTANCE_LIMITS_UPDATE, wrap(input), "serviceInstanceLimitsUpdate",
                serviceIn(update.serviceId(), update.environmentId()));
    }

    @Override
    public void upsertVariables(VariablesUpsert upsert) {
        ObjectNode input = json.createObjectNode().put("projectId", upsert.projectId())
                .put("environmentId", upsert.environmentId()).put("replace", upsert.replace())
                .put("skipDeploys", upsert.skipDeploys());
        if (upsert.serviceId() != null) {
            input.put("serviceId", upsert.serviceId());
        }
        input.set("variables", json.valueToTree(upsert.variables()));
        caller.expectTrue(Operation.VARIABLE_COLLECTION_UPSERT, wrap(input), "variableCollectionUpsert",
                serviceIn(upsert.serviceId(), upsert.environmentId()));
    }

    @Override
    public void deleteVariable(VariableDeletion deletion) {
        ObjectNode input = json.createObjectNode().put("projectId", deletion.projectId())
                .put("environmentId", deletion.environmentId()).put("name", deletion.name());
        if (deletion.serviceId() != null) {
            input.put("serviceId", deletion.serviceId());
        }
        caller.expectTrue(Operation.VARIABLE_DELETE, wrap(input), "variableDelete",
                "variable " + deletion.name() + " of " + serviceIn(deletion.serviceId(), deletion.environmentId()));
    }

    @Override
    public String commitPatch(String environmentId, JsonNode patch, String commitMessage) {
        ObjectNode variables = json.createObjectNode().put("environmentId", environmentId)
                .put("commitMessage", commitMessage);
        variables.set("patch", patch);
        return caller.call(Operation.ENVIRONMENT_PATCH_COMMIT, variables, "environment " + environmentId)
                .path("environmentPatchCommit").asText();
    }

    @Override
    public StagedPatch stageChanges(String environmentId, JsonNode changes, boolean merge) {
        ObjectNode variables = json.createObjectNode().put("environmentId", environmentId).put("merge", merge);
        variables.set("input", changes);
        JsonNode staged = caller.call(Operation.ENVIRONMENT_STAGE_CHANGES, variables, "environment " + environmentId)
                .path("environmentStageChanges");
        return new StagedPatch(ResponseReader.text(staged, "id"), ResponseReader.text(staged, "status"),
                staged.path("patch"));
    }

    @Override
    public String commitStagedChanges(String environmentId, String commitMessage, boolean skipDeploys) {
        ObjectNode variables = json.createObjectNode().put("environmentId", environmentId)
                .put("commitMessage", commitMessage).put("skipDeploys", skipDeploys);
        return caller.call(Operation.ENVIRONMENT_PATCH_COMMIT_STAGED, variables, "environment " + environmentId)
                .path("environmentPatchCommitStaged").asText();
    }

    @Override
    public String deploy(String serviceId, String environmentId, String commitSha) {
        ObjectNode variables = json.createObjectNode().put("serviceId", serviceId)
                .put("environmentId", environmentId).put("commitSha", commitSha);
        return caller.call(Operation.SERVICE_INSTANCE_DEPLOY, variables, serviceIn(serviceId, environmentId))
                .path("serviceInstanceDeployV2").asText();
    }

    @Override
    public Rollback rollback(Deployment target) {
        Set<String> before = deployments(target.serviceId(), target.environmentId(), ROLLBACK_LOOKUP_DEPTH)
                .stream().map(Deployment::id).collect(Collectors.toSet());
        boolean accepted = caller.call(Operation.DEPLOYMENT_ROLLBACK,
                json.createObjectNode().put("deploymentId", target.id()), "deployment " + target.id())
                .path("deploymentRollback").asBoolean(false);
        if (!accepted) {
            return new Rollback(false, null);
        }
        Deployment created = deployments(target.serviceId(), target.environmentId(), ROLLBACK_LOOKUP_DEPTH)
                .stream().filter(deployment -> !before.contains(deployment.id())).findFirst().orElse(null);
        return new Rollback(true, created);
    }

    @Override
    public Deployment deployment(String deploymentId) {
        return ResponseReader.deployment(caller.call(Operation.DEPLOYMENT,
                json.createObjectNode().put("deploymentId", deploymentId), "deployment " + deploymentId)
                .path("deployment"));
    }

    @Override
    public List<DeploymentEvent> deploymentEvents(String deploymentId) {
        return new DeploymentEventsReader(caller, json).read(deploymentId);
    }

    @Override
    public List<Deployment> deployments(String serviceId, String environmentId, int limit) {
        ObjectNode input = json.createObjectNode().put("serviceId", serviceId).put("environmentId", environmentId);
        ObjectNode variables = wrap(input).put("first", limit);
        JsonNode connection = caller.call(Operation.DEPLOYMENTS, variables, serviceIn(serviceId, environmentId))
                .path("deployments");
        return ResponseReader.nodes(connection).stream().map(ResponseReader::deployment)
                .sorted(Comparator.comparing(Deployment::createdAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    @Override
    public ProjectTopology.Service createService(ServiceCreation creation) {
        ObjectNode input = json.createObjectNode().put("projectId", creation.projectId())
                .put("environmentId", creation.environmentId()).put("name", creation.name());
        if (creation.image() != null || creation.repo() != null) {
            input.putObject("source").put("image", creation.image()).put("repo", creation.repo());
        }
        if (creation.branch() != null) {
            input.put("branch", creation.branch());
        }
        return ResponseReader.service(caller.call(Operation.SERVICE_CREATE, wrap(input),
                "service " + creation.name() + " in environment " + creation.environmentId()).path("serviceCreate"));
    }

    @Override
    public void deleteService(String serviceId, String environmentId) {
        ObjectNode variables = json.createObjectNode().put("serviceId", serviceId).put("environmentId", environmentId);
        caller.expectTrue(Operation.SERVICE_DELETE, variables, "serviceDelete", serviceIn(serviceId, environmentId));
    }

    @Override
    public CreatedVolume createVolume(String projectId, String environmentId, String serviceId, String mountPath) {
        return volumes.create(projectId, environmentId, serviceId, mountPath);
    }

    @Override
    public void updateVolumeMountPath(String volumeId, String environmentId, String mountPath) {
        volumes.moveMountPath(volumeId, environmentId, mountPath);
    }

    @Override
    public void updateBackupSchedule(String volumeInstanceId, Set<String> kinds) {
        volumes.updateBackupSchedule(volumeInstanceId, kinds);
    }

    @Override
    public String createVolumeBackup(String volumeInstanceId, String name) {
        return volumes.createBackup(volumeInstanceId, name);
    }

    @Override
    public List<VolumeBackup> volumeBackups(String volumeInstanceId) {
        return volumes.backups(volumeInstanceId);
    }

    @Override
    public WorkflowResult workflowStatus(String workflowId) {
        JsonNode result = caller.call(Operation.WORKFLOW_STATUS, json.createObjectNode().put("workflowId", workflowId),
                "workflow " + workflowId).path("workflowStatus");
        return new WorkflowResult(ResponseReader.text(result, "status"), ResponseReader.text(result, "error"));
    }

    private ObjectNode wrap(ObjectNode input) {
        ObjectNode variables = json.createObjectNode();
        variables.set("input", input);
        return variables;
    }

    private static String serviceIn(String serviceId, String environmentId) {
        return (serviceId == null ? "shared variables" : "service " + serviceId) + " in environment " + environmentId;
    }
}
