package dev.switchman.desired.shape;

import dev.switchman.desired.yaml.YamlNode;

/** Which kind of YAML node (mapping, list, scalar) a shape can accept, to pick a one-of branch. */
final class NodeKinds {

    private NodeKinds() {
    }

    static boolean accepts(Shape shape, YamlNode node) {
        return switch (shape) {
            case Shape.Named named -> accepts(named.shape(), node);
            case Shape.OneOf oneOf -> oneOf.alternatives().stream().anyMatch(a -> accepts(a, node));
            case Shape.ObjectShape o -> node instanceof YamlNode.MapNode;
            case Shape.MapShape m -> node instanceof YamlNode.MapNode;
            case Shape.Discriminated d -> node instanceof YamlNode.MapNode;
            case Shape.ListShape l -> node instanceof YamlNode.ListNode;
            case Shape.StringShape s -> scalarOf(node, YamlNode.ScalarType.STRING);
            case Shape.IntegerShape i -> scalarOf(node, YamlNode.ScalarType.INTEGER);
            case Shape.NumberShape n -> scalarOf(node, YamlNode.ScalarType.INTEGER)
                    || scalarOf(node, YamlNode.ScalarType.FLOAT);
            case Shape.BooleanShape b -> scalarOf(node, YamlNode.ScalarType.BOOLEAN);
            case Shape.LiteralShape l -> node instanceof YamlNode.ScalarNode s && !s.isNull();
        };
    }

    private static boolean scalarOf(YamlNode node, YamlNode.ScalarType type) {
        return node instanceof YamlNode.ScalarNode s && s.type() == type;
    }
}
