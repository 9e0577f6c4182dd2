package dev.switchman.desired.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape a YAML node must have. One definition drives both validation and the JSON Schema.
 * {@link #describe()} completes the sentence "expected ...".
 */
public sealed interface Shape {

    String describe();

    /** A check a string must pass beyond its pattern (durations, cron); also a pattern for editors. */
    interface Format {

        /** A regular expression that accepts every valid value (it may accept some invalid ones). */
        String schemaPattern();

        /** What is wrong with {@code value}, or empty when it is valid. */
        Optional<String> problem(String value);
    }

    /**
     * A mapping with known fields.
     *
     * @param strict fields are always required as listed and never null (document envelopes);
     *     otherwise fields may be null (which removes an inherited value) and {@code required} is
     *     enforced only after merging, or inside list items, which are never merged
     */
    record ObjectShape(String describe, Map<String, Field> fields, Set<String> required, boolean strict,
            List<Choice> choices) implements Shape {

        public ObjectShape {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            required = Set.copyOf(required);
            choices = List.copyOf(choices);
        }

        /** The same object, where exactly one of {@code names} must be set. */
        public ObjectShape exactlyOne(String... names) {
            return withChoice(new Choice(List.of(names), true));
        }

        /** The same object, where at most one of {@code names} may be set. */
        public ObjectShape atMostOne(String... names) {
            return withChoice(new Choice(List.of(names), false));
        }

        private ObjectShape withChoice(Choice choice) {
            List<Choice> more = new ArrayList<>(choices);
            more.add(choice);
            return new ObjectShape(describe, fields, required, strict, more);
        }
    }

    /**
     * Fields that exclude each other; enforced where {@code required} is.
     *
     * @param required one of them must be set (else: at most one)
     */
    record Choice(List<String> fields, boolean required) {
    }

    /** One field of an object; {@code doc} becomes the field's description in the JSON Schema. */
    record Field(String name, Shape shape, String doc) {
    }

    /** A mapping from names (checked by {@code keys}) to values of one shape. */
    record MapShape(String describe, StringShape keys, Shape values, boolean valuesNullable) implements Shape {
    }

    record ListShape(Shape items, int minItems) implements Shape {

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A string, optionally restricted to {@code allowed} values, a {@code pattern} (explained by
     * {@code patternHint}) or a {@code format}.
     */
    record StringShape(String describe, List<String> allowed, Pattern pattern, String patternHint, Format format)
            implements Shape {

        public StringShape {
            allowed = List.copyOf(allowed);
        }
    }

    /** A whole number within [min, max]; {@code unit} reads "seconds", "replicas", or null. */
    record IntegerShape(String unit, long min, long max) implements Shape {

        @Override
        public String describe() {
            return unit == null ? "an integer" : "an integer number of " + unit;
        }
    }

    /** A number greater than {@code exclusiveMin} and at most {@code max}. */
    record NumberShape(String unit, double exclusiveMin, double max) implements Shape {

        @Override
        public String describe() {
            return unit == null ? "a number" : "a number of " + unit;
        }
    }

    /** Any plain scalar but null: a string, a number or a boolean, kept as written. */
    record LiteralShape(String describe) implements Shape {
    }

    record BooleanShape() implements Shape {

        @Override
        public String describe() {
            return "true or false";
        }
    }

    /** One of several shapes; the node's kind (mapping, list, scalar) picks the candidates. */
    record OneOf(String describe, List<Shape> alternatives) implements Shape {

        public OneOf {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A shape with a name, emitted once under {@code $defs} in the JSON Schema. */
    record Named(String name, Shape shape) implements Shape {

        @Override
        public String describe() {
            return shape.describe();
        }
    }

    /** A mapping whose {@code field} (for example {@code kind}) selects the shape of the rest. */
    record Discriminated(String describe, String field, Map<String, Shape> cases) implements Shape {

        public Discriminated {
            cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
        }
    }
}
