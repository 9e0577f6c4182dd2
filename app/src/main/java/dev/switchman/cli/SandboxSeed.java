package dev.switchman.cli;

import dev.switchman.desired.DesiredProject;
import dev.switchman.desired.DesiredState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox fixture for a desired state: its projects and environments exist, empty, the way a
 * team's Railway looks before Switchman has created anything; Switchman then builds the rest.
 */
final class SandboxSeed {

    /** The account token the seeded sandbox accepts; it guards nothing but a local stand-in. */
    static final String ACCOUNT_TOKEN = "sandbox-account-token";

    private SandboxSeed() {
    }

    static Map<String, Object> fixture(DesiredState state) {
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("seed", "switchman-sandbox");
        fixture.put("clock", "real");
        fixture.put("tokens", List.of(Map.of("token", ACCOUNT_TOKEN, "kind", "account")));
        fixture.put("projects", state.projects().stream().map(SandboxSeed::project).toList());
        return fixture;
    }

    private static Map<String, Object> project(DesiredProject project) {
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("name", project.name());
        if (project.railwayProjectId() != null) {
            fixture.put("id", project.railwayProjectId());
        }
        fixture.put("environments", List.copyOf(project.environments().keySet()));
        return fixture;
    }
}
