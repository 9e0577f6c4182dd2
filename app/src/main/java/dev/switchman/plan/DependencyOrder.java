package dev.switchman.plan;

import dev.switchman.desired.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services ordered so that each comes after the services it depends on; among services that are
 * ready at the same time, declaration order wins, so the order is stable. Names in
 * {@code dependsOn} that are not services here (databases, typos) are ignored. Services caught in
 * a cycle keep their declaration order at the end.
 */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /** The order, and the services that were in a dependency cycle (empty when there is none). */
    record Result(List<String> order, List<String> cyclic) {
    }

    static Result of(Map<String, ServiceSpec> services) {
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && placed.size() < services.size()) {
            progress = false;
            for (ServiceSpec service : services.values()) {
                if (!placed.contains(service.name()) && ready(service, services, placed)) {
                    placed.add(service.name());
                    order.add(service.name());
                    progress = true;
                    break; // restart from the top: the earliest declared ready service goes next
                }
            }
        }
        List<String> cyclic = services.keySet().stream().filter(name -> !placed.contains(name)).toList();
        order.addAll(cyclic);
        return new Result(order, cyclic);
    }

    private static boolean ready(ServiceSpec service, Map<String, ServiceSpec> services, Set<String> placed) {
        return service.dependsOn().stream()
                .allMatch(dependency -> !services.containsKey(dependency) || placed.contains(dependency)
                        || dependency.equals(service.name()));
    }
}
