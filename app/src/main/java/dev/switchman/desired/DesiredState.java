package dev.switchman.desired;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything declared in one desired-state tree, after defaults were merged into each
 * environment.
 *
 * @param revision the git commit or content hash the tree was read at: where the state came from, the same
 *     for every environment (its provenance)
 * @param projects the Railway projects declared, in file order
 * @param fingerprints each environment's own identity ({@link EnvironmentFingerprint}) by {@code project/name}:
 *     what drift, pre-emption, quarantine and "last applied" are keyed on
 */
public record DesiredState(String revision, List<DesiredProject> projects, Map<String, String> fingerprints) {

    public DesiredState {
        projects = List.copyOf(projects);
        fingerprints = Map.copyOf(fingerprints);
    }

    /** A state built without its YAML (tests, fixtures): each environment's fingerprint is that of its record. */
    public DesiredState(String revision, List<DesiredProject> projects) {
        this(revision, projects, Map.of());
    }

    /** The same environments read at another revision (the commit they were fetched at). */
    public DesiredState atRevision(String provenance) {
        return new DesiredState(provenance, projects, fingerprints);
    }

    /** True when the tree declares no environment at all, which must never lead to deletes. */
    public boolean isEmpty() {
        return projects.stream().allMatch(p -> p.environments().isEmpty());
    }

    public List<DesiredEnvironment> environments() {
        return projects.stream().flatMap(p -> p.environments().values().stream()).toList();
    }

    /** The environment's own identity; changes only when something it declares or refers to changes. */
    public String fingerprint(DesiredEnvironment environment) {
        String declared = fingerprints.get(environment.qualifiedName());
        return declared != null ? declared : EnvironmentFingerprint.ofRecord(environment);
    }

    /**
     * Finds an environment by {@code name} or {@code project/name}; a bare name that exists in
     * several projects is ambiguous and finds nothing.
     */
    public Optional<DesiredEnvironment> environment(String reference) {
        int slash = reference.indexOf('/');
        if (slash >= 0) {
            String project = reference.substring(0, slash);
            String name = reference.substring(slash + 1);
            return environments().stream()
                    .filter(e -> e.project().equals(project) && e.name().equals(name))
                    .findFirst();
        }
        List<DesiredEnvironment> matches = environments().stream()
                .filter(e -> e.name().equals(reference))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The {@code railwayProjectId} the project named {@code projectName} declares, if it declares one. */
    public Optional<String> railwayProjectId(String projectName) {
        return projects.stream().filter(p -> p.name().equals(projectName)).findFirst()
                .map(DesiredProject::railwayProjectId);
    }
}
