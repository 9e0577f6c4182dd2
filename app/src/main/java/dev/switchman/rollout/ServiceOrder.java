package dev.switchman.rollout;

import dev.switchman.desired.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Service names with every service after those it depends on (the loader has already refused cycles). */
final class ServiceOrder {

    private ServiceOrder() {
    }

    static List<String> dependenciesFirst(Map<String, ServiceSpec> services) {
        Set<String> ordered = new LinkedHashSet<>();
        services.keySet().stream().sorted().forEach(name -> visit(name, services, ordered, new LinkedHashSet<>()));
        return new ArrayList<>(ordered);
    }

    private static void visit(String name, Map<String, ServiceSpec> services, Set<String> ordered, Set<String> path) {
        ServiceSpec spec = services.get(name);
        if (spec == null || ordered.contains(name) || !path.add(name)) {
            return;
        }
        spec.dependsOn().stream().sorted().forEach(dependency -> visit(dependency, services, ordered, path));
        ordered.add(name);
    }
}
