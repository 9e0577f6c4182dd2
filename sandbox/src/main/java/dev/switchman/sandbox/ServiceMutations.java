package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Service settings, limits, create/delete/connect. Settings writes move the etag but never deploy. */
final class ServiceMutations {

    private final SandboxEngine engine;
    private final SandboxState state;

    ServiceMutations(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("serviceInstanceUpdate", this::serviceInstanceUpdate)
                .dataFetcher("serviceInstanceLimitsUpdate", this::limitsUpdate)
                .dataFetcher("serviceCreate", this::serviceCreate)
                .dataFetcher("serviceDelete", this::serviceDelete)
                .dataFetcher("serviceConnect", this::serviceConnect));
    }

    /** Environments a service-wide write reaches: the named one, or (omitted) every non-ephemeral one. */
    private List<EnvironmentEntity> targets(DataFetchingEnvironment env, ServiceEntity service) {
        if (env.containsArgument("environmentId") && env.getArgument("environmentId") != null) {
            return List.of(engine.environment(env, env.getArgument("environmentId")));
        }
        SandboxEngine.caller(env).requireProjectWide(state.project(service.projectId));
        return state.environmentsOf(service.projectId, false).stream().filter(e -> e.serviceConfig(service.id) != null).toList();
    }

    private ServiceEntity service(DataFetchingEnvironment env, String id) {
        SandboxEngine.caller(env).requireAny();
        ServiceEntity s = state.service(id);
        SandboxEngine.caller(env).requireProject(state.project(s.projectId));
        return s;
    }

    private Object serviceInstanceUpdate(DataFetchingEnvironment env) {
        ServiceEntity service = service(env, env.getArgument("serviceId"));
        Map<String, Object> input = env.getArgument("input");
        List<EnvironmentEntity> targets = targets(env, service);
        for (EnvironmentEntity e : targets) {
            state.serviceConfig(e, service.id);
        }
        for (EnvironmentEntity e : targets) {
            state.changeConfig(e, c -> new ServiceInstanceSettings(e.serviceConfig(service.id)).apply(input));
        }
        return true;
    }

    private Object limitsUpdate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        EnvironmentEntity e = engine.environment(env, (String) input.get("environmentId"));
        Map<String, Object> cfg = state.serviceConfig(e, (String) input.get("serviceId"));
        state.changeConfig(e, c -> {
            Map<String, Object> containers = JsonTree.path(cfg, true, "deploy", "limitOverride", "containers");
            if (input.containsKey("vCPUs")) {
                containers.put("cpu", input.get("vCPUs"));
            }
            if (input.get("memoryGB") instanceof Number gb) {
                containers.put("memoryBytes", (long) (gb.doubleValue() * 1_000_000_000L));
            }
        });
        return true;
    }

    @SuppressWarnings("unchecked")
    private Object serviceCreate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        ProjectEntity project = engine.project(env, (String) input.get("projectId"));
        String name = input.get("name") == null ? "service-" + (project.serviceIds.size() + 1) : (String) input.get("name");
        if (project.serviceIds.stream().anyMatch(id -> state.services.get(id).name.equals(name))) {
            // a service is project-wide: another environment's create made it already
            throw SandboxException.badInput("Service name \"" + name + "\" is already taken in this project");
        }
        ServiceEntity service = new ServiceEntity(state.ids.named("service", project.name + "/" + name), project.id, name, state.now());
        service.icon = (String) input.get("icon");
        List<EnvironmentEntity> targets = input.get("environmentId") != null
                ? List.of(engine.environment(env, (String) input.get("environmentId")))
                : state.environmentsOf(project.id, false);
        state.services.put(service.id, service);
        project.serviceIds.add(service.id);
        Map<String, Object> source = new LinkedHashMap<>();
        if (input.get("source") instanceof Map<?, ?> src) {
            ((Map<String, Object>) src).forEach((k, v) -> { if (v != null) { source.put(k, v); } });
        }
        if (input.get("branch") != null) {
            source.put("branch", input.get("branch"));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        if (input.get("variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> variables.put((String) k, new LinkedHashMap<>(Map.of("value", String.valueOf(v)))));
        }
        for (EnvironmentEntity e : targets) {
            Map<String, Object> svc = new LinkedHashMap<>();
            svc.put("isCreated", true);
            svc.put("source", JsonTree.copy(source));
            svc.put("variables", JsonTree.copy(variables));
            engine.commits().commit(e, Map.of("services", Map.of(service.id, svc)), source.isEmpty());
        }
        return engine.views().service(service);
    }

    private Object serviceDelete(DataFetchingEnvironment env) {
        ServiceEntity service = service(env, env.getArgument("id"));
        boolean everywhere = env.getArgument("environmentId") == null;
        for (EnvironmentEntity e : targets(env, service)) {
            engine.commits().removeService(e, service.id);
        }
        if (everywhere) {
            state.services.remove(service.id);
            state.project(service.projectId).serviceIds.remove(service.id);
        }
        return true;
    }

    /** Connects a source in every environment of the service and deploys it. */
    private Object serviceConnect(DataFetchingEnvironment env) {
        ServiceEntity service = service(env, env.getArgument("id"));
        Map<String, Object> input = env.getArgument("input");
        for (EnvironmentEntity e : targets(env, service)) {
            state.changeConfig(e, c -> new ServiceInstanceSettings(e.serviceConfig(service.id))
                    .apply(Map.of("source", input)));
            engine.deployer().deployCurrent(e, service.id, null);
        }
        return engine.views().service(service);
    }
}
