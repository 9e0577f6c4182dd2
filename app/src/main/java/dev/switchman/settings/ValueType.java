package dev.switchman.settings;

import java.util.List;

/**
 * What a setting's value is in YAML, with the constraints its JSON Schema and validation enforce. The
 * desired-state shape, the binder, the observed parser, the Railway writes and the docs table each switch over
 * these kinds (exhaustively, without a default), so a new kind is flagged everywhere it needs a meaning.
 */
public sealed interface ValueType {

    /**
     * How a value is held once read, whatever its constraints: what the binder, the parser, the comparison and
     * the writes switch over.
     */
    enum Form {
        /** A string. */
        TEXT,
        /** An integer. */
        WHOLE,
        /** A double. */
        DECIMAL,
        /** A boolean. */
        FLAG,
        /** A list of strings, in order; a single string is a one-element list. */
        LIST,
        /** A set of strings, held sorted. */
        SET,
        /** Region name -> replicas. */
        REPLICAS_BY_REGION
    }

    default Form form() {
        return switch (this) {
            case Text t -> Form.TEXT;
            case Matching m -> Form.TEXT;
            case Choice c -> Form.TEXT;
            case UrlPath p -> Form.TEXT;
            case Cron c -> Form.TEXT;
            case Whole w -> Form.WHOLE;
            case Decimal d -> Form.DECIMAL;
            case Flag f -> Form.FLAG;
            case Words w -> Form.LIST;
            case Commands c -> Form.LIST;
            case Choices c -> Form.SET;
            case RegionReplicas r -> Form.REPLICAS_BY_REGION;
        };
    }

    /** Any string; {@code describe} names it in messages ("a branch name"). */
    record Text(String describe) implements ValueType {
    }

    /** A string matching {@code regex}; {@code hint} tells whoever wrote something else what to write. */
    record Matching(String describe, String regex, String hint) implements ValueType {
    }

    /** One of a fixed set of strings. */
    record Choice(List<String> values) implements ValueType {

        public Choice {
            values = List.copyOf(values);
        }
    }

    /** An absolute path starting with {@code /}. */
    record UrlPath() implements ValueType {
    }

    /** A five-field cron expression. */
    record Cron() implements ValueType {
    }

    /** An integer from {@code min} to {@code max}, counted in {@code unit}. */
    record Whole(String unit, long min, long max) implements ValueType {
    }

    /** A number greater than 0 and at most {@code max}, counted in {@code unit}. */
    record Decimal(String unit, double max) implements ValueType {
    }

    /** true or false. */
    record Flag() implements ValueType {
    }

    /** A list of strings, each {@code item} ("a glob pattern"); order matters. */
    record Words(String item) implements ValueType {
    }

    /** One command or a list of them (a single string counts as a one-command list). */
    record Commands(String item) implements ValueType {
    }

    /** A set of choices, in any order. */
    record Choices(List<String> values) implements ValueType {

        public Choices {
            values = List.copyOf(values);
        }
    }

    /** Replicas per Railway region, {@code {<region>: {numReplicas}}}. */
    record RegionReplicas(long min, long max) implements ValueType {
    }

    static ValueType text(String describe) {
        return new Text(describe);
    }

    static ValueType matching(String describe, String regex, String hint) {
        return new Matching(describe, regex, hint);
    }

    static ValueType choice(String... values) {
        return new Choice(List.of(values));
    }

    static ValueType urlPath() {
        return new UrlPath();
    }

    static ValueType cron() {
        return new Cron();
    }

    static ValueType whole(String unit, long min, long max) {
        return new Whole(unit, min, max);
    }

    static ValueType decimal(String unit, double max) {
        return new Decimal(unit, max);
    }

    static ValueType flag() {
        return new Flag();
    }

    static ValueType words(String item) {
        return new Words(item);
    }

    static ValueType commands(String item) {
        return new Commands(item);
    }

    static ValueType choices(String... values) {
        return new Choices(List.of(values));
    }

    static ValueType regionReplicas(long min, long max) {
        return new RegionReplicas(min, max);
    }
}
