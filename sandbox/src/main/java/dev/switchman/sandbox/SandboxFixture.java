package dev.switchman.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Java builder for the fixture format (docs/sandbox.md), for tests:
 * {@code SandboxFixture.create().accountToken("t").project("shop", p -> p.environments("production")
 * .service("api", s -> s.image("nginx").variable("A", "1").setting("healthcheckPath", "/health"))).build()}.
 */
public final class SandboxFixture {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> projects = new ArrayList<>();
    private final List<Object> tokens = new ArrayList<>();

    private SandboxFixture() {
        root.put("projects", projects);
        root.put("tokens", tokens);
    }

    public static SandboxFixture create() {
        return new SandboxFixture();
    }

    /** Any top-level fixture key: seed, clock, start, timings, rateLimits, faults, user. */
    public SandboxFixture set(String key, Object value) {
        root.put(key, value);
        return this;
    }

    public SandboxFixture accountToken(String token) {
        tokens.add(Map.of("token", token, "kind", "account"));
        return this;
    }

    public SandboxFixture workspaceToken(String token, String workspace) {
        tokens.add(Map.of("token", token, "kind", "workspace", "workspace", workspace));
        return this;
    }

    public SandboxFixture projectToken(String token, String project, String environment) {
        tokens.add(Map.of("token", token, "kind", "project", "project", project, "environment", environment));
        return this;
    }

    public SandboxFixture project(String name, Consumer<Project> body) {
        Project p = new Project(name);
        body.accept(p);
        projects.add(p.map);
        return this;
    }

    public Map<String, Object> toMap() {
        return root;
    }

    public RailwaySandbox build() {
        return RailwaySandbox.fromFixture(root);
    }

    /** A fixture project. */
    public static final class Project {
        final Map<String, Object> map = new LinkedHashMap<>();
        private final List<Object> services = new ArrayList<>();

        Project(String name) {
            map.put("name", name);
            map.put("services", services);
        }

        public Project set(String key, Object value) {
            map.put(key, value);
            return this;
        }

        public Project environments(String... names) {
            map.put("environments", List.of(names));
            return this;
        }

        public Project sharedVariable(String name, String value) {
            FixtureLoader.map(map.computeIfAbsent("sharedVariables", k -> new LinkedHashMap<>())).put(name, value);
            return this;
        }

        public Project service(String name, Consumer<Service> body) {
            Service s = new Service(name);
            body.accept(s);
            services.add(s.map);
            return this;
        }
    }

    /** A fixture service (same settings in every environment unless {@code environments} overrides). */
    public static final class Service {
        final Map<String, Object> map = new LinkedHashMap<>();

        Service(String name) {
            map.put("name", name);
        }

        public Service set(String key, Object value) {
            map.put(key, value);
            return this;
        }

        public Service image(String image) {
            return set("image", image);
        }

        public Service repo(String repo, String branch) {
            return set("repo", repo).set("branch", branch);
        }

        public Service setting(String name, Object value) {
            FixtureLoader.map(map.computeIfAbsent("settings", k -> new LinkedHashMap<>())).put(name, value);
            return this;
        }

        public Service variable(String name, String value) {
            FixtureLoader.map(map.computeIfAbsent("variables", k -> new LinkedHashMap<>())).put(name, value);
            return this;
        }

        public Service sealedVariable(String name, String value) {
            FixtureLoader.map(map.computeIfAbsent("sealedVariables", k -> new LinkedHashMap<>())).put(name, value);
            return this;
        }

        public Service volume(String mountPath) {
            return set("volume", new LinkedHashMap<>(Map.of("mountPath", mountPath)));
        }
    }
}
