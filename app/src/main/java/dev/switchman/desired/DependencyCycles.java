package dev.switchman.desired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the dependency cycles among an environment's services, each reported once. */
final class DependencyCycles {

    private DependencyCycles() {
    }

    /** Each cycle as the services along it, starting and ending with the same service. */
    static List<List<String>> find(Map<String, ServiceSpec> services) {
        List<List<String>> cycles = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        Set<String> finished = new HashSet<>();
        for (String start : services.keySet()) {
            walk(start, new LinkedHashSet<>(), services, finished, seen, cycles);
        }
        return cycles;
    }

    private static void walk(String service, LinkedHashSet<String> stack, Map<String, ServiceSpec> services,
            Set<String> finished, Set<Set<String>> seen, List<List<String>> cycles) {
        if (finished.contains(service) || !services.containsKey(service)) {
            return;
        }
        if (stack.contains(service)) {
            List<String> onStack = new ArrayList<>(stack);
            List<String> cycle = new ArrayList<>(onStack.subList(onStack.indexOf(service), onStack.size()));
            if (cycle.size() > 1 && seen.add(Set.copyOf(cycle))) {
                cycle.add(service);
                cycles.add(cycle);
            }
            return;
        }
        stack.add(service);
        for (String next : services.get(service).dependsOn()) {
            walk(next, stack, services, finished, seen, cycles);
        }
        stack.remove(service);
        finished.add(service);
    }
}
