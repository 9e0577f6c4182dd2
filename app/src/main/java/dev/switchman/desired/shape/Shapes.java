package dev.switchman.desired.shape;

import dev.switchman.desired.shape.Shape.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Short constructors for shapes, so a language definition reads like its documentation. */
public final class Shapes {

    private Shapes() {
    }

    public static Shape.StringShape string(String describe) {
        return new Shape.StringShape(describe, List.of(), null, null, null);
    }

    public static Shape.StringShape pattern(String describe, String regex, String hint) {
        return new Shape.StringShape(describe, List.of(), Pattern.compile(regex), hint, null);
    }

    public static Shape.StringShape format(String describe, Shape.Format format) {
        return new Shape.StringShape(describe, List.of(), null, null, format);
    }

    public static Shape.StringShape oneOfValues(String... allowed) {
        return new Shape.StringShape("one of " + String.join(", ", allowed), Arrays.asList(allowed), null, null,
                null);
    }

    public static Shape.IntegerShape integer(String unit, long min, long max) {
        return new Shape.IntegerShape(unit, min, max);
    }

    public static Shape.NumberShape positiveNumber(String unit, double max) {
        return new Shape.NumberShape(unit, 0, max);
    }

    public static Shape.LiteralShape literal(String describe) {
        return new Shape.LiteralShape(describe);
    }

    public static Shape.BooleanShape bool() {
        return new Shape.BooleanShape();
    }

    public static Shape.ListShape list(Shape items) {
        return new Shape.ListShape(items, 0);
    }

    public static Shape.ListShape nonEmptyList(Shape items) {
        return new Shape.ListShape(items, 1);
    }

    public static Shape.MapShape map(String describe, Shape.StringShape keys, Shape values) {
        return new Shape.MapShape(describe, keys, values, true);
    }

    public static Shape.OneOf oneOf(String describe, Shape... alternatives) {
        return new Shape.OneOf(describe, List.of(alternatives));
    }

    public static Shape.Named named(String name, Shape shape) {
        return new Shape.Named(name, shape);
    }

    public static Field field(String name, Shape shape, String doc) {
        return new Field(name, shape, doc);
    }

    /** An object whose fields may be partial, null or inherited (everything under {@code spec}). */
    public static Shape.ObjectShape object(String describe, Field... fields) {
        return new Shape.ObjectShape(describe, index(fields), Set.of(), false, List.of());
    }

    /** Like {@link #object}, with fields that must be present once merged (or inside a list item). */
    public static Shape.ObjectShape object(String describe, Set<String> required, Field... fields) {
        return new Shape.ObjectShape(describe, index(fields), required, false, List.of());
    }

    /** A document envelope: listed fields are required in every file and never null. */
    public static Shape.ObjectShape strictObject(String describe, Set<String> required, Field... fields) {
        return new Shape.ObjectShape(describe, index(fields), required, true, List.of());
    }

    private static Map<String, Field> index(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : fields) {
            byName.put(f.name(), f);
        }
        return byName;
    }
}
