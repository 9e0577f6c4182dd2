package dev.switchman.sandbox;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;

/** Fields of object types that take arguments or list related resources (connections, config). */
final class TypeFetchers {

    private final SandboxEngine engine;
    private final SandboxState state;

    TypeFetchers(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Project", t -> t
                .dataFetcher("environments", this::projectEnvironments)
                .dataFetcher("services", env -> {
                    ProjectEntity p = entity(env);
                    List<ServiceEntity> list = p.serviceIds.stream().map(state.services::get).toList();
                    return RelayPage.of(list, env, s -> s.id, engine.views()::service);
                })
                .dataFetcher("volumes", env -> {
                    ProjectEntity p = entity(env);
                    List<VolumeEntity> list = p.volumeIds.stream().map(state.volumes::get).toList();
                    return RelayPage.of(list, env, v -> v.id, engine.views()::volume);
                }));
        wiring.type("Volume", t -> t.dataFetcher("volumeInstances", env -> {
            VolumeEntity volume = entity(env);
            Caller caller = SandboxEngine.caller(env);
            List<VolumeViews.Instance> instances = state.environmentsOf(volume.projectId, true).stream()
                    .filter(caller::seesEnvironment)
                    .flatMap(e -> engine.volumes().instancesOf(e).stream())
                    .filter(i -> i.volume() == volume).toList();
            return RelayPage.of(instances, env, VolumeViews.Instance::id, engine.volumes()::view);
        }));
        wiring.type("Environment", t -> t
                .dataFetcher("config", env -> VariableStore.forOutput(
                        ((EnvironmentEntity) entity(env)).config, Boolean.TRUE.equals(env.getArgument("decryptVariables"))))
                .dataFetcher("serviceInstances", env -> {
                    EnvironmentEntity e = entity(env);
                    List<String> ids = state.project(e.projectId).serviceIds.stream().filter(id -> e.serviceConfig(id) != null).toList();
                    return RelayPage.of(ids, env, id -> id, id -> engine.views().serviceInstance(e, id));
                })
                .dataFetcher("volumeInstances", env -> {
                    EnvironmentEntity e = entity(env);
                    return RelayPage.of(engine.volumes().instancesOf(e), env, VolumeViews.Instance::id, engine.volumes()::view);
                })
                .dataFetcher("deployments", env -> {
                    EnvironmentEntity e = entity(env);
                    List<DeploymentEntity> list = state.newestFirst().stream().filter(d -> d.environmentId.equals(e.id)).toList();
                    return RelayPage.of(list, env, d -> d.id, engine.views()::deployment);
                }));
        wiring.type("EnvironmentPatch", t -> t.dataFetcher("patch", env -> VariableStore.forOutput(
                entity(env), Boolean.TRUE.equals(env.getArgument("decryptVariables")))));
    }

    private Object projectEnvironments(DataFetchingEnvironment env) {
        List<EnvironmentEntity> list = engine.visibleEnvironments(env, entity(env));
        if ("desc".equals(env.getArgument("sort"))) {
            list = list.reversed();
        }
        return RelayPage.of(list, env, e -> e.id, engine.views()::environment);
    }

    @SuppressWarnings("unchecked")
    private static <T> T entity(DataFetchingEnvironment env) {
        return (T) ((Map<String, Object>) env.getSource()).get(Views.ENTITY);
    }
}
