package dev.switchman.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.settings.Setting;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A setting's value as Railway's JSON takes it, and where it goes in a nested input or config object. */
final class RailwayJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RailwayJson() {
    }

    /** The value as {@code serviceInstanceUpdate}'s input takes it; JSON null unsets it. */
    static JsonNode value(Setting setting, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (setting.type().form()) {
            case TEXT, WHOLE, DECIMAL, FLAG, SET -> json(value);
            // a single command is a one-command list: the input takes [String!]
            case LIST -> json(value instanceof Collection<?> ? value : List.of(value));
            case REPLICAS_BY_REGION -> {
                ObjectNode regions = NODES.objectNode();
                ((Map<?, ?>) value).forEach((region, count) ->
                        regions.putObject(String.valueOf(region)).set("numReplicas", json(count)));
                yield regions;
            }
        };
    }

    /** The value as the environment config holds it: in its units (bytes, not GB). */
    static JsonNode inConfig(Setting setting, Object value) {
        double scale = setting.configScale();
        return scale == 1 || value == null ? value(setting, value)
                : NODES.numberNode((long) (new BigDecimal(value.toString()).doubleValue() * scale));
    }

    /** Sets {@code value} at {@code path} below {@code root}, a JSON pointer or a dotted field, creating objects. */
    static void put(ObjectNode root, String path, JsonNode value) {
        String[] keys = (path.startsWith("/") ? path.substring(1) : path).split(path.startsWith("/") ? "/" : "\\.");
        ObjectNode parent = root;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = parent.get(keys[i]) instanceof ObjectNode existing ? existing : parent.putObject(keys[i]);
        }
        parent.set(keys[keys.length - 1], value);
    }

    /** Integral numbers go out as integers: Railway's Int fields refuse 300.0. */
    static JsonNode json(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Number n -> {
                BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
                yield decimal.scale() <= 0 ? NODES.numberNode(decimal.longValueExact()) : NODES.numberNode(decimal);
            }
            case Collection<?> c -> {
                ArrayNode array = NODES.arrayNode();
                c.forEach(item -> array.add(json(item)));
                yield array;
            }
            default -> NODES.textNode(value.toString());
        };
    }
}
