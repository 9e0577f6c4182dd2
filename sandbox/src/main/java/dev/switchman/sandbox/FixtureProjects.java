package dev.switchman.sandbox;

import static dev.switchman.sandbox.FixtureLoader.list;
import static dev.switchman.sandbox.FixtureLoader.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seeds one fixture project: environments, services with settings, variables, volumes, live deployments. */
final class FixtureProjects {

    private final SandboxEngine engine;
    private final SandboxState state;

    FixtureProjects(SandboxEngine engine) {
        this.engine = engine;
        this.state = engine.state();
    }

    void add(Map<String, Object> p) {
        String name = String.valueOf(p.get("name"));
        String workspace = String.valueOf(p.getOrDefault("workspace", "default"));
        String workspaceId = state.ids.named("workspace", workspace);
        state.workspaces.put(workspaceId, workspace);
        ProjectEntity project = new ProjectEntity(String.valueOf(p.getOrDefault("id", state.ids.named("project", name))), name, workspaceId, state.now());
        state.projects.put(project.id, project);
        List<Object> envs = p.get("environments") == null ? List.of("production") : list(p.get("environments"));
        EnvironmentMutations creator = new EnvironmentMutations(engine);
        for (Object e : envs) {
            Map<String, Object> env = e instanceof String s ? Map.of("name", s) : map(e);
            EnvironmentEntity created = creator.create(project, String.valueOf(env.get("name")), Boolean.TRUE.equals(env.get("ephemeral")));
            Map<String, Object> shared = map(p.get("sharedVariables"));
            shared.forEach((k, v) -> JsonTree.path(created.config, true, "sharedVariables").put(k, new LinkedHashMap<>(Map.of("value", String.valueOf(v)))));
            created.configChanged();
        }
        for (Object s : list(p.get("services"))) {
            addService(project, map(s));
        }
    }

    private void addService(ProjectEntity project, Map<String, Object> s) {
        String name = String.valueOf(s.get("name"));
        ServiceEntity service = new ServiceEntity(String.valueOf(s.getOrDefault("id", state.ids.named("service", project.name + "/" + name))),
                project.id, name, state.now());
        state.services.put(service.id, service);
        project.serviceIds.add(service.id);
        Map<String, Object> perEnv = map(s.get("environments"));
        for (EnvironmentEntity env : state.environmentsOf(project.id, true)) {
            Map<String, Object> override = map(perEnv.get(env.name));
            if (Boolean.FALSE.equals(override.get("present"))) {
                continue;
            }
            Map<String, Object> cfg = JsonTree.path(env.config, true, "services", service.id);
            Map<String, Object> source = new LinkedHashMap<>();
            putIfSet(source, "image", override.getOrDefault("image", s.get("image")));
            putIfSet(source, "repo", override.getOrDefault("repo", s.get("repo")));
            putIfSet(source, "branch", override.getOrDefault("branch", s.get("branch")));
            if (!source.isEmpty()) {
                cfg.put("source", source);
            }
            ServiceInstanceSettings settings = new ServiceInstanceSettings(cfg);
            settings.apply(map(s.get("settings")));
            settings.apply(map(override.get("settings")));
            Map<String, Object> vars = JsonTree.path(cfg, true, "variables");
            addVariables(vars, map(s.get("variables")), false);
            addVariables(vars, map(override.get("variables")), false);
            addVariables(vars, map(s.get("sealedVariables")), true);
            AppDomains.assign(cfg, name, env.name);
            env.configChanged();
        }
        if (s.get("volume") != null) {
            Map<String, Object> v = map(s.get("volume"));
            VolumeEntity volume = new VolumeMutations(engine).create(project, name + "-volume",
                    state.environmentsOf(project.id, true).stream().filter(e -> e.serviceConfig(service.id) != null).toList(),
                    service.id, String.valueOf(v.getOrDefault("mountPath", "/data")), (String) v.get("region"));
            state.environmentsOf(project.id, true).forEach(e -> {
                Map<String, Object> settings = JsonTree.path(e.config, false, "volumes", volume.id);
                if (settings != null) {
                    settings.put("sizeMB", FixtureLoader.intOr(v.get("sizeMB"), 5000));
                    settings.put("currentSizeMB", FixtureLoader.intOr(v.get("currentSizeMB"), 0));
                    e.configChanged();
                }
            });
        }
        boolean hasSource = s.get("image") != null || s.get("repo") != null;
        if (!Boolean.FALSE.equals(s.get("deployed")) && hasSource) {
            for (EnvironmentEntity env : state.environmentsOf(project.id, true)) {
                if (env.serviceConfig(service.id) != null) {
                    Map<String, Object> cfg = JsonTree.copyMap(env.serviceConfig(service.id));
                    engine.lifecycle().seedLive(engine.deployer().create(env, service.id, cfg,
                            VariableStore.rendered(env, state, service.id, true), null, false, DeploymentEntity.Fate.HEALTHY));
                }
            }
        }
    }

    private static void addVariables(Map<String, Object> target, Map<String, Object> values, boolean sealed) {
        values.forEach((k, v) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", String.valueOf(v));
            if (sealed) {
                entry.put("isSealed", true);
            }
            target.put(k, entry);
        });
    }

    private static void putIfSet(Map<String, Object> target, String key, Object value) {
        if (value != null) {
            target.put(key, value);
        }
    }
}
