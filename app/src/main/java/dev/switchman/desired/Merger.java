package dev.switchman.desired;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.Entry;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges a project's defaults with an environment: mappings merge key by key, scalars and lists
 * replace, and an explicit null removes the inherited key. Every node keeps the location it was
 * written at, so a merged value still points into the file that declared it.
 */
final class Merger {

    private Merger() {
    }

    static MapNode merge(MapNode base, MapNode overlay) {
        List<Entry> merged = new ArrayList<>();
        for (Entry inherited : base.entries()) {
            Optional<Entry> override = overlay.entry(inherited.key());
            if (override.isEmpty()) {
                withoutNulls(inherited).ifPresent(merged::add);
            } else if (inherited.value() instanceof MapNode a && override.get().value() instanceof MapNode b) {
                merged.add(new Entry(inherited.key(), override.get().keyLocation(), merge(a, b)));
            } else {
                withoutNulls(override.get()).ifPresent(merged::add);
            }
        }
        for (Entry added : overlay.entries()) {
            if (base.entry(added.key()).isEmpty()) {
                withoutNulls(added).ifPresent(merged::add);
            }
        }
        return new MapNode(merged, overlay.location());
    }

    /** The entry with null-valued keys removed at every depth, or empty when its own value is null. */
    private static Optional<Entry> withoutNulls(Entry entry) {
        if (YamlNode.isNull(entry.value())) {
            return Optional.empty();
        }
        if (entry.value() instanceof MapNode map) {
            return Optional.of(new Entry(entry.key(), entry.keyLocation(), merge(new MapNode(List.of(),
                    map.location()), map)));
        }
        return Optional.of(entry);
    }
}
