package dev.switchman.desired.yaml;

import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.List;
import java.util.Optional;

/** One node of a YAML document, with the place it was written. */
public sealed interface YamlNode {

    SourceLocation location();

    /** What a person would call this node in a message: "a mapping", "a list", "a string". */
    String describe();

    /** A mapping whose keys are plain strings, in the order they were written. */
    record MapNode(List<Entry> entries, SourceLocation location) implements YamlNode {

        public MapNode {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping; {@code keyLocation} is where the key itself was written. */
    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    record ListNode(List<YamlNode> items, SourceLocation location) implements YamlNode {

        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar exactly as written ({@code text}), with the type YAML's core schema resolves it to. */
    record ScalarNode(ScalarType type, String text, SourceLocation location) implements YamlNode {

        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "null";
                case STRING -> "\"" + text + "\"";
                default -> text;
            };
        }
    }

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    static boolean isNull(YamlNode node) {
        return node instanceof ScalarNode s && s.isNull();
    }
}
