package dev.switchman.desired.shape;

import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.ListNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import dev.switchman.desired.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/** Checks a {@link YamlNode} tree against a {@link Shape}, collecting every problem. */
public final class ShapeValidator {

    /** One problem; {@code path} segments are keys, or {@code [i]} for list items. */
    public record Problem(List<String> path, SourceLocation location, String message) {

        public Problem {
            path = List.copyOf(path);
        }
    }

    /**
     * DOCUMENT checks one file as written (fields may be partial or null); MERGED checks an
     * environment after defaults were merged in, where required fields must be present.
     */
    public enum Mode { DOCUMENT, MERGED }

    private final Mode mode;
    private final List<Problem> problems = new ArrayList<>();

    private ShapeValidator(Mode mode) {
        this.mode = mode;
    }

    public static List<Problem> validate(YamlNode node, Shape shape, Mode mode) {
        ShapeValidator validator = new ShapeValidator(mode);
        validator.check(node, shape, new ArrayList<>(), mode == Mode.MERGED);
        return List.copyOf(validator.problems);
    }

    private void check(YamlNode node, Shape shape, List<String> path, boolean enforceRequired) {
        switch (shape) {
            case Shape.Named named -> check(node, named.shape(), path, enforceRequired);
            case Shape.Discriminated union -> checkUnion(node, union, path, enforceRequired);
            case Shape.ObjectShape object -> checkObject(node, object, path, enforceRequired);
            case Shape.MapShape map -> checkMap(node, map, path, enforceRequired);
            case Shape.ListShape list -> checkList(node, list, path);
            case Shape.OneOf oneOf -> checkOneOf(node, oneOf, path, enforceRequired);
            case Shape.StringShape s -> ScalarChecks.string(node, s).ifPresent(m -> report(path, node, m));
            case Shape.IntegerShape i -> ScalarChecks.integer(node, i).ifPresent(m -> report(path, node, m));
            case Shape.NumberShape n -> ScalarChecks.number(node, n).ifPresent(m -> report(path, node, m));
            case Shape.BooleanShape b -> ScalarChecks.bool(node, b).ifPresent(m -> report(path, node, m));
            case Shape.LiteralShape l -> {
                if (!NodeKinds.accepts(l, node)) {
                    typeMismatch(path, node, l);
                }
            }
        }
    }

    private void checkUnion(YamlNode node, Shape.Discriminated union, List<String> path, boolean enforceRequired) {
        if (!(node instanceof MapNode map)) {
            typeMismatch(path, node, union);
            return;
        }
        var selector = map.get(union.field());
        if (selector.isEmpty()) {
            report(path, node, "missing required key \"" + union.field() + "\" (one of "
                    + String.join(", ", union.cases().keySet()) + ")");
            return;
        }
        String value = selector.get() instanceof ScalarNode s ? s.text() : "";
        Shape selected = union.cases().get(value);
        if (selected == null) {
            report(append(path, union.field()), selector.get(), "invalid value " + selector.get().describe()
                    + "; allowed: " + String.join(", ", union.cases().keySet()));
            return;
        }
        check(node, selected, path, enforceRequired);
    }

    private void checkObject(YamlNode node, Shape.ObjectShape object, List<String> path, boolean enforceRequired) {
        if (!(node instanceof MapNode map)) {
            typeMismatch(path, node, object);
            return;
        }
        for (YamlNode.Entry entry : map.entries()) {
            Shape.Field field = object.fields().get(entry.key());
            List<String> fieldPath = append(path, entry.key());
            if (field == null) {
                problems.add(new Problem(fieldPath, entry.keyLocation(), unknownKey(entry.key(), object)));
            } else if (!object.strict() && YamlNode.isNull(entry.value())) {
                continue; // null removes an inherited value
            } else {
                check(entry.value(), field.shape(), fieldPath, enforceRequired);
            }
        }
        if (object.strict() || enforceRequired) {
            for (String name : object.fields().keySet()) {
                if (object.required().contains(name) && map.get(name).filter(v -> !YamlNode.isNull(v)).isEmpty()) {
                    problems.add(new Problem(append(path, name), map.location(), "missing required key \"" + name
                            + "\""));
                }
            }
            object.choices().forEach(choice -> checkChoice(map, choice, path));
        }
    }

    private void checkChoice(MapNode map, Shape.Choice choice, List<String> path) {
        List<YamlNode.Entry> set = map.entries().stream()
                .filter(e -> choice.fields().contains(e.key()) && !YamlNode.isNull(e.value())).toList();
        String names = String.join(", ", choice.fields());
        if (set.size() > 1) {
            YamlNode.Entry second = set.get(1);
            problems.add(new Problem(append(path, second.key()), second.keyLocation(), "set only one of " + names
                    + (choice.required() ? "" : " (or none)") + ", not " + set.get(0).key() + " and " + second.key()));
        } else if (set.isEmpty() && choice.required()) {
            problems.add(new Problem(path, map.location(), "set one of " + names));
        }
    }

    private void checkMap(YamlNode node, Shape.MapShape shape, List<String> path, boolean enforceRequired) {
        if (!(node instanceof MapNode map)) {
            typeMismatch(path, node, shape);
            return;
        }
        for (YamlNode.Entry entry : map.entries()) {
            List<String> entryPath = append(path, entry.key());
            YamlNode key = new ScalarNode(YamlNode.ScalarType.STRING, entry.key(), entry.keyLocation());
            ScalarChecks.string(key, shape.keys()).ifPresent(m -> problems.add(
                    new Problem(entryPath, entry.keyLocation(), m)));
            if (!(shape.valuesNullable() && YamlNode.isNull(entry.value()))) {
                check(entry.value(), shape.values(), entryPath, enforceRequired);
            }
        }
    }

    private void checkList(YamlNode node, Shape.ListShape shape, List<String> path) {
        if (!(node instanceof ListNode list)) {
            typeMismatch(path, node, shape);
            return;
        }
        if (list.items().size() < shape.minItems()) {
            report(path, node, "needs at least " + shape.minItems() + " item" + (shape.minItems() == 1 ? "" : "s"));
        }
        for (int i = 0; i < list.items().size(); i++) {
            // list items are replaced whole, never merged: they must be complete where written
            check(list.items().get(i), shape.items(), append(path, "[" + i + "]"), true);
        }
    }

    private void checkOneOf(YamlNode node, Shape.OneOf oneOf, List<String> path, boolean enforceRequired) {
        List<Shape> candidates = oneOf.alternatives().stream().filter(a -> NodeKinds.accepts(a, node)).toList();
        if (candidates.isEmpty()) {
            typeMismatch(path, node, oneOf);
            return;
        }
        List<Problem> firstProblems = null;
        for (Shape candidate : candidates) {
            List<Problem> found = validateSub(node, candidate, path, enforceRequired);
            if (found.isEmpty()) {
                return;
            }
            firstProblems = firstProblems == null ? found : firstProblems;
        }
        problems.addAll(candidates.size() == 1 ? firstProblems
                : List.of(new Problem(path, node.location(), "expected " + oneOf.describe() + ", got "
                        + node.describe())));
    }

    private List<Problem> validateSub(YamlNode node, Shape shape, List<String> path, boolean enforceRequired) {
        ShapeValidator sub = new ShapeValidator(mode);
        sub.check(node, shape, new ArrayList<>(path), enforceRequired);
        return sub.problems;
    }

    private String unknownKey(String key, Shape.ObjectShape object) {
        return DidYouMean.suggest(key, object.fields().keySet())
                .map(s -> "unknown key \"" + key + "\"; did you mean \"" + s + "\"?")
                .orElseGet(() -> "unknown key \"" + key + "\"; expected one of: "
                        + String.join(", ", object.fields().keySet()));
    }

    private void typeMismatch(List<String> path, YamlNode node, Shape shape) {
        report(path, node, "expected " + shape.describe() + ", got " + node.describe());
    }

    private void report(List<String> path, YamlNode node, String message) {
        problems.add(new Problem(path, node.location(), message));
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }
}
