package dev.switchman.desired.yaml;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlNode.Entry;
import dev.switchman.desired.yaml.YamlNode.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns composed snakeyaml nodes into {@link YamlNode}s, reporting duplicate and non-string keys.
 * Aliases make the composed graph share nodes (or even loop); the node budget and depth guard keep
 * the expansion bounded whatever the graph looks like.
 */
final class NodeConverter {

    private static final Map<Tag, ScalarType> SCALAR_TYPES = Map.of(
            Tag.STR, ScalarType.STRING, Tag.INT, ScalarType.INTEGER, Tag.FLOAT, ScalarType.FLOAT,
            Tag.BOOL, ScalarType.BOOLEAN, Tag.NULL, ScalarType.NULL);

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int nodes;

    NodeConverter(String file) {
        this.file = file;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    YamlNode convert(Node node) {
        nodes = 0;
        try {
            return convert(node, 0);
        } catch (BudgetExceeded e) {
            diagnostics.add(Diagnostic.error(e.at, "", e.getMessage()));
            return new YamlNode.ScalarNode(ScalarType.NULL, "", e.at);
        }
    }

    private YamlNode convert(Node node, int depth) {
        SourceLocation at = locate(node);
        if (++nodes > YamlReader.MAX_NODES) {
            throw new BudgetExceeded(at, "document expands to more than " + YamlReader.MAX_NODES
                    + " nodes; aliases (*name) are multiplying it");
        }
        if (depth > 2 * YamlReader.MAX_DEPTH) {
            throw new BudgetExceeded(at, "aliases nest this document deeper than " + 2 * YamlReader.MAX_DEPTH
                    + " levels (or make it refer to itself)");
        }
        return switch (node) {
            case MappingNode map -> convertMap(map, at, depth);
            case SequenceNode seq -> new YamlNode.ListNode(
                    seq.getValue().stream().map(item -> convert(item, depth + 1)).toList(), at);
            case ScalarNode scalar -> convertScalar(scalar, at);
            default -> throw new BudgetExceeded(at, "unsupported YAML node");
        };
    }

    private YamlNode convertMap(MappingNode map, SourceLocation at, int depth) {
        List<Entry> entries = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            SourceLocation keyAt = locate(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                diagnostics.add(Diagnostic.error(keyAt, "", "keys must be plain strings, not "
                        + (tuple.getKeyNode() instanceof MappingNode ? "a mapping" : "a list")));
                continue;
            }
            SourceLocation first = seen.putIfAbsent(key.getValue(), keyAt);
            if (first != null) {
                diagnostics.add(Diagnostic.error(keyAt, "", "duplicate key \"" + key.getValue()
                        + "\": first on line " + first.line() + ", again on line " + keyAt.line()));
                continue;
            }
            entries.add(new Entry(key.getValue(), keyAt, convert(tuple.getValueNode(), depth + 1)));
        }
        return new YamlNode.MapNode(entries, at);
    }

    private YamlNode convertScalar(ScalarNode scalar, SourceLocation at) {
        ScalarType type = SCALAR_TYPES.get(scalar.getTag());
        if (type == null) {
            diagnostics.add(Diagnostic.error(at, "", "unsupported tag " + scalar.getTag().getValue()
                    + "; write plain strings, numbers and booleans"));
            type = ScalarType.STRING;
        }
        return new YamlNode.ScalarNode(type, scalar.getValue(), at);
    }

    private SourceLocation locate(Node node) {
        return node.getStartMark().map(m -> YamlReader.location(file, m)).orElse(new SourceLocation(file, 1, 1));
    }

    private static final class BudgetExceeded extends RuntimeException {
        private final transient SourceLocation at;

        BudgetExceeded(SourceLocation at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
