package dev.switchman.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.apply.ApplyReport;
import dev.switchman.apply.PlanExecutor;
import dev.switchman.apply.ServiceInventory;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateLoader;
import dev.switchman.desired.LoadResult;
import dev.switchman.desired.Secrets;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.Plan;
import dev.switchman.plan.Planner;
import dev.switchman.railway.CountingTransport;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.SandboxRailwayClients;
import dev.switchman.sandbox.RailwaySandbox;
import dev.switchman.sandbox.SandboxFixture;
import dev.switchman.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sandbox project with a service per example of every catalog entry (an image, and a volume for the volume
 * settings), the real client over HTTP, and the desired state each example declares, written as YAML.
 */
final class CatalogSandbox implements AutoCloseable {

    /** One example of one entry, on a service of its own. */
    record Example(Setting setting, Object value, String service) {
    }

    static final String TOKEN = "account-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Example> examples = new ArrayList<>();
    final RailwaySandbox sandbox;
    final RailwayApi railway;
    private final SandboxServer server;
    private final Path desiredDir;

    CatalogSandbox(Path desiredDir) {
        this.desiredDir = desiredDir;
        for (Setting setting : Setting.values()) {
            for (int i = 0; i < setting.examples().size(); i++) {
                examples.add(new Example(setting, setting.examples().get(i), setting.path() + "-" + i));
            }
        }
        SandboxFixture fixture = SandboxFixture.create().accountToken(TOKEN)
                .set("rateLimits", Map.of("perHour", 100000, "perSecond", 1000));
        this.sandbox = fixture.project("shop", p -> {
            p.environments("production", "staging");
            examples.forEach(e -> p.service(e.service(), s -> {
                s.image("nginx:1");
                if (e.setting().isVolume()) {
                    s.volume("/mnt");
                }
            }));
        }).build();
        this.server = new SandboxServer(sandbox).start(0);
        this.railway = SandboxRailwayClients.create(sandbox, new CountingTransport(server.url() + "/graphql/v2"),
                TOKEN, new SimpleMeterRegistry());
    }

    String environmentId(String environment) {
        return sandbox.environmentId("shop", environment);
    }

    /** The environment {@code name} declaring each of {@code examples} on its service, with what it needs. */
    DesiredEnvironment desire(String name, List<Example> declared) {
        Map<String, Object> services = new LinkedHashMap<>();
        for (Example example : declared) {
            Map<String, Object> service = new LinkedHashMap<>();
            example.setting().needs().ifPresent(needed -> put(service, needed, needed.asYaml(needed.examples().get(0))));
            put(service, example.setting(), example.setting().asYaml(example.value()));
            services.put(example.service(), service);
        }
        try {
            Files.writeString(desiredDir.resolve("project.yaml"), """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Project
                    metadata: {name: shop}
                    spec: {railwayProjectId: %s}
                    """.formatted(sandbox.projectId("shop")));
            Files.writeString(desiredDir.resolve(name + ".yaml"), """
                    apiVersion: switchman.dev/v1alpha1
                    kind: Environment
                    metadata: {name: %s, project: shop}
                    spec: {services: %s}
                    """.formatted(name, JSON.writeValueAsString(services)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadResult loaded = DesiredStateLoader.load(desiredDir);
        if (loaded.hasErrors()) {
            throw new AssertionError("the catalog's examples are not valid YAML settings: " + loaded.diagnostics());
        }
        return loaded.state().environment("shop/" + name).orElseThrow();
    }

    /** Plans against a fresh read and applies the plan with the real executor. */
    ApplyReport apply(DesiredEnvironment desired) {
        Plan plan = plan(desired);
        return new PlanExecutor(railway).execute(plan, fresh -> Planner.plan(desired, fresh, LastApplied.empty(),
                Secrets.NONE), ServiceInventory.NONE);
    }

    Plan plan(DesiredEnvironment desired) {
        return Planner.plan(desired, RailwayEnvironmentParser.parse(read(desired.name())), LastApplied.empty(),
                Secrets.NONE);
    }

    /** The environment query's raw answer, as Railway (here the sandbox) gives it. */
    JsonNode read(String environment) {
        return railway.environmentState(environmentId(environment));
    }

    private static void put(Map<String, Object> service, Setting setting, Object value) {
        Map<String, Object> parent = service;
        for (String key : setting.group().split("\\.")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
            parent = child;
        }
        parent.put(setting.key(), value);
    }

    @Override
    public void close() {
        server.close();
    }
}
