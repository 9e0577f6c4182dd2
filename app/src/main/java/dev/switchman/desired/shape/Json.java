package dev.switchman.desired.shape;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON, in their given order. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static void write(Object value, int indent, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map when map.isEmpty() -> out.append("{}");
            case Map<?, ?> map -> {
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    pad(indent + 1, out);
                    string(e.getKey().toString(), out);
                    out.append(": ");
                    write(e.getValue(), indent + 1, out);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                pad(indent, out);
                out.append('}');
            }
            case List<?> list when list.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof List)) -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    write(list.get(i), indent, out);
                    out.append(i + 1 < list.size() ? ", " : "");
                }
                out.append(']');
            }
            case List<?> list -> {
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    pad(indent + 1, out);
                    write(list.get(i), indent + 1, out);
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                pad(indent, out);
                out.append(']');
            }
            case String s -> string(s, out);
            case Double d -> out.append(number(d));
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            default -> throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void pad(int indent, StringBuilder out) {
        out.append("  ".repeat(indent));
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
