package dev.switchman.desired.shape;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.ScalarNode;
import dev.switchman.desired.yaml.YamlNode.ScalarType;
import java.math.BigDecimal;
import java.util.Optional;

/** Checks one scalar against a scalar shape; each returns the message, or empty when valid. */
final class ScalarChecks {

    private ScalarChecks() {
    }

    static Optional<String> string(YamlNode node, Shape.StringShape shape) {
        if (!(node instanceof ScalarNode s) || s.type() != ScalarType.STRING) {
            return Optional.of(mismatch(shape, node));
        }
        String value = s.text();
        if (!shape.allowed().isEmpty() && !shape.allowed().contains(value)) {
            String hint = DidYouMean.suggest(value, shape.allowed()).map(x -> " (did you mean " + x + "?)").orElse("");
            return Optional.of("invalid value \"" + value + "\"" + hint + "; allowed: "
                    + String.join(", ", shape.allowed()));
        }
        if (shape.pattern() != null && !shape.pattern().matcher(value).matches()) {
            return Optional.of("invalid " + shape.describe() + " \"" + value + "\": " + shape.patternHint());
        }
        return shape.format() == null ? Optional.empty() : shape.format().problem(value);
    }

    static Optional<String> integer(YamlNode node, Shape.IntegerShape shape) {
        if (!(node instanceof ScalarNode s) || s.type() != ScalarType.INTEGER) {
            return Optional.of(mismatch(shape, node));
        }
        BigDecimal value = parse(s.text());
        if (value == null || value.compareTo(BigDecimal.valueOf(shape.min())) < 0
                || value.compareTo(BigDecimal.valueOf(shape.max())) > 0) {
            return Optional.of("expected " + shape.describe() + " between " + shape.min() + " and " + shape.max()
                    + ", got " + s.text());
        }
        return Optional.empty();
    }

    static Optional<String> number(YamlNode node, Shape.NumberShape shape) {
        if (!(node instanceof ScalarNode s) || (s.type() != ScalarType.INTEGER && s.type() != ScalarType.FLOAT)) {
            return Optional.of(mismatch(shape, node));
        }
        BigDecimal value = parse(s.text());
        if (value == null || value.doubleValue() <= shape.exclusiveMin() || value.doubleValue() > shape.max()) {
            return Optional.of("expected " + shape.describe() + " greater than " + Json.number(shape.exclusiveMin())
                    + " and at most " + Json.number(shape.max()) + ", got " + s.text());
        }
        return Optional.empty();
    }

    static Optional<String> bool(YamlNode node, Shape.BooleanShape shape) {
        return node instanceof ScalarNode s && s.type() == ScalarType.BOOLEAN
                ? Optional.empty()
                : Optional.of(mismatch(shape, node));
    }

    private static String mismatch(Shape shape, YamlNode node) {
        String hint = "";
        if (node instanceof ScalarNode s && s.type() != ScalarType.NULL) {
            boolean wantsText = shape instanceof Shape.StringShape;
            if (wantsText && s.type() != ScalarType.STRING) {
                hint = " (quote it to make it text)";
            } else if (!wantsText && s.type() == ScalarType.STRING && parse(s.text()) != null) {
                hint = " (remove the quotes)";
            }
        }
        return "expected " + shape.describe() + ", got " + node.describe() + hint;
    }

    private static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.replace("_", "").replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
