package dev.switchman.desired;

import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.ListNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds an environment's merged spec to a {@link DesiredEnvironment}, with a map of where each value came from. */
final class EnvironmentBinder {

    private EnvironmentBinder() {
    }

    static DesiredEnvironment bind(Documents.EnvironmentDocument env, MapNode spec) {
        SourceMap sources = new SourceMap(locations(spec), env.location());
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        MapNode serviceMap = Fields.map(spec, "services");
        if (serviceMap != null) {
            for (YamlNode.Entry e : serviceMap.entries()) {
                services.put(e.key(), ServiceBinder.bind(e.key(), (MapNode) e.value(), e.keyLocation()));
            }
        }
        Map<String, DatabaseSpec> databases = new LinkedHashMap<>();
        MapNode databaseMap = Fields.map(spec, "databases");
        if (databaseMap != null) {
            databaseMap.entries().forEach(e -> databases.put(e.key(), DatabaseBinder.bind(e.key(), (MapNode) e.value())));
        }
        return new DesiredEnvironment(env.project(), env.name(), env.railwayEnvironmentId(),
                PreDeployMigrations.apply(services, databases),
                Fields.variables(spec, "sharedVariables"), databases, DatabaseBinder.policy(Fields.map(spec, "policy")),
                env.location(), sources, NotificationBinder.bind(spec));
    }

    private static Map<String, SourceLocation> locations(MapNode spec) {
        Map<String, SourceLocation> out = new LinkedHashMap<>();
        collect("", spec, out);
        return out;
    }

    private static void collect(String path, YamlNode node, Map<String, SourceLocation> out) {
        if (node instanceof MapNode map) {
            for (YamlNode.Entry e : map.entries()) {
                String child = path.isEmpty() ? e.key() : path + "." + e.key();
                out.put(child, e.keyLocation());
                collect(child, e.value(), out);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                String child = path + "[" + i + "]";
                out.put(child, list.items().get(i).location());
                collect(child, list.items().get(i), out);
            }
        }
    }
}
