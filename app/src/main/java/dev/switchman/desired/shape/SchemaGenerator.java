package dev.switchman.desired.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link Shape} into a JSON Schema (draft 2020-12). It accepts what the validator accepts
 * for one file: {@code required} appears only where the validator enforces it per file (document
 * envelopes and list items), since other fields may come from a project's defaults.
 */
public final class SchemaGenerator {

    private final Map<String, Object> defs = new TreeMap<>();

    private SchemaGenerator() {
    }

    public static String generate(String id, String title, Shape root) {
        SchemaGenerator generator = new SchemaGenerator();
        Map<String, Object> body = generator.schema(root, false);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("title", title);
        schema.putAll(body);
        schema.put("$defs", generator.defs);
        return Json.write(schema);
    }

    private Map<String, Object> schema(Shape shape, boolean insideList) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (shape) {
            case Shape.Named named -> {
                if (!defs.containsKey(named.name())) {
                    defs.put(named.name(), Map.of()); // placeholder against recursion
                    defs.put(named.name(), schema(named.shape(), insideList));
                }
                s.put("$ref", "#/$defs/" + named.name());
            }
            case Shape.Discriminated union -> {
                s.put("type", "object");
                s.put("required", List.of(union.field()));
                s.put("properties", Map.of(union.field(), Map.of("enum", List.copyOf(union.cases().keySet()))));
                List<Object> branches = new ArrayList<>();
                union.cases().forEach((value, caseShape) -> branches.add(ordered(
                        "if", Map.of("properties", Map.of(union.field(), Map.of("const", value))),
                        "then", schema(caseShape, insideList))));
                s.put("allOf", branches);
            }
            case Shape.ObjectShape object -> object(object, insideList, s);
            case Shape.MapShape map -> {
                s.put("type", "object");
                s.put("propertyNames", schema(map.keys(), insideList));
                Map<String, Object> values = schema(map.values(), insideList);
                s.put("additionalProperties", map.valuesNullable() ? nullable(values) : values);
            }
            case Shape.ListShape list -> {
                s.put("type", "array");
                s.put("items", schema(list.items(), true));
                if (list.minItems() > 0) {
                    s.put("minItems", list.minItems());
                }
            }
            case Shape.OneOf oneOf -> s.put("anyOf", oneOf.alternatives().stream()
                    .map(a -> (Object) schema(a, insideList)).toList());
            case Shape.StringShape string -> {
                s.put("type", "string");
                if (!string.allowed().isEmpty()) {
                    s.put("enum", string.allowed());
                } else if (string.pattern() != null) {
                    s.put("pattern", string.pattern().pattern());
                } else if (string.format() != null) {
                    s.put("pattern", string.format().schemaPattern());
                }
            }
            case Shape.IntegerShape integer -> {
                s.put("type", "integer");
                s.put("minimum", integer.min());
                s.put("maximum", integer.max());
            }
            case Shape.NumberShape number -> {
                s.put("type", "number");
                s.put("exclusiveMinimum", number.exclusiveMin());
                s.put("maximum", number.max());
            }
            case Shape.BooleanShape b -> s.put("type", "boolean");
            case Shape.LiteralShape l -> s.put("type", List.of("string", "number", "boolean"));
        }
        return s;
    }

    private void object(Shape.ObjectShape object, boolean insideList, Map<String, Object> s) {
        s.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        object.fields().forEach((name, field) -> {
            Map<String, Object> property = schema(field.shape(), insideList);
            Map<String, Object> described = object.strict() ? property : nullable(property);
            if (field.doc() != null) {
                Map<String, Object> withDoc = new LinkedHashMap<>();
                withDoc.put("description", field.doc());
                withDoc.putAll(described);
                described = withDoc;
            }
            properties.put(name, described);
        });
        s.put("properties", properties);
        if (object.strict() || insideList) {
            List<String> required = object.fields().keySet().stream().filter(object.required()::contains).toList();
            if (!required.isEmpty()) {
                s.put("required", required);
            }
            object.choices().forEach(choice -> s.put(choice.required() ? "oneOf" : "not", choice.required()
                    ? choice.fields().stream().map(f -> (Object) Map.of("required", List.of(f))).toList()
                    : Map.of("required", choice.fields())));
        }
        s.put("additionalProperties", false);
    }

    /**
     * {@code type: [X, "null"]} where the schema names its type, so a generic validator reports a wrong value at
     * the field itself; a reference or a union keeps {@code anyOf} with null, which no type list can express.
     */
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type == null) {
            return ordered("anyOf", List.of(schema, Map.of("type", "null")));
        }
        Map<String, Object> widened = new LinkedHashMap<>(schema);
        List<Object> types = new ArrayList<>(type instanceof List<?> list ? list : List.of(type));
        types.add("null");
        widened.put("type", types);
        if (schema.get("enum") instanceof List<?> allowed) {
            List<Object> values = new ArrayList<>(allowed);
            values.add(null);
            widened.put("enum", values);
        }
        return widened;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
