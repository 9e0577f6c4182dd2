package dev.switchman.desired;

import static dev.switchman.desired.shape.Shapes.bool;
import static dev.switchman.desired.shape.Shapes.integer;
import static dev.switchman.desired.shape.Shapes.list;
import static dev.switchman.desired.shape.Shapes.map;
import static dev.switchman.desired.shape.Shapes.oneOf;
import static dev.switchman.desired.shape.Shapes.oneOfValues;
import static dev.switchman.desired.shape.Shapes.pattern;
import static dev.switchman.desired.shape.Shapes.positiveNumber;
import static dev.switchman.desired.shape.Shapes.string;

import dev.switchman.desired.shape.Shape;
import dev.switchman.desired.shape.Shapes;
import dev.switchman.settings.Setting;
import dev.switchman.settings.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shapes of a service's Railway settings ({@code source}, {@code build}, {@code deploy}, {@code volume}),
 * derived from the {@link Setting} catalog: one field per entry, in catalog order, typed by its
 * {@link ValueType}, with the entry's docs and exclusions.
 */
final class SettingShapes {

    /** What each mapping of settings is called in messages, and its description in the service. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "source", List.of("a source", "where the code or image comes from"),
            "build", List.of("a build", "how Railway builds a repository"),
            "deploy", List.of("deploy settings", "how Railway runs the service"),
            "deploy.limits", List.of("limits", "CPU and memory limits"),
            "volume", List.of("a volume", "the service's volume"));

    static {
        for (Setting setting : Setting.values()) {
            if (!GROUPS.containsKey(setting.group())) {
                throw new IllegalStateException(setting.path() + ": describe its mapping " + setting.group()
                        + " in SettingShapes.GROUPS");
            }
        }
    }

    private SettingShapes() {
    }

    /** The service's field holding the settings under {@code group}, for example {@code deploy}. */
    static Shape.Field field(String group) {
        return Shapes.field(group.substring(group.lastIndexOf('.') + 1), group(group), GROUPS.get(group).get(1));
    }

    /** The settings directly under {@code group}, with its nested mappings where their first entry sits. */
    private static Shape.ObjectShape group(String group) {
        List<Shape.Field> fields = new ArrayList<>();
        Set<String> nested = new LinkedHashSet<>();
        for (Setting setting : Setting.values()) {
            if (setting.group().equals(group)) {
                fields.add(Shapes.field(setting.key(), shape(setting.type()), setting.doc()));
            } else if (setting.group().startsWith(group + ".")) {
                String child = group + "." + setting.group().substring(group.length() + 1).split("\\.")[0];
                if (nested.add(child)) {
                    fields.add(field(child));
                }
            }
        }
        Shape.ObjectShape shape = Shapes.object(GROUPS.get(group).get(0), fields.toArray(Shape.Field[]::new));
        for (Setting setting : Setting.values()) {
            if (setting.group().equals(group) && setting.exclusiveWith().isPresent()) {
                shape = shape.atMostOne(setting.key(), setting.exclusiveWith().get());
            }
        }
        return shape;
    }

    static Shape shape(ValueType type) {
        return switch (type) {
            case ValueType.Text t -> string(t.describe());
            case ValueType.Matching m -> pattern(m.describe(), m.regex(), m.hint());
            case ValueType.Choice c -> oneOfValues(c.values().toArray(String[]::new));
            case ValueType.UrlPath p -> CommonShapes.URL_PATH;
            case ValueType.Cron c -> CommonShapes.CRON;
            case ValueType.Whole w -> integer(w.unit(), w.min(), w.max());
            case ValueType.Decimal d -> positiveNumber(d.unit(), d.max());
            case ValueType.Flag f -> bool();
            case ValueType.Words w -> list(string(w.item()));
            case ValueType.Commands c -> oneOf(c.item() + " or a list of commands", string(c.item()),
                    list(string(c.item())));
            case ValueType.Choices c -> list(oneOfValues(c.values().toArray(String[]::new)));
            case ValueType.RegionReplicas r -> map("a mapping of regions to replicas", pattern("region",
                    "[a-z0-9-]+", "use a Railway region name such as us-west2"), Shapes.object("region settings",
                            Set.of("numReplicas"), Shapes.field("numReplicas", integer("replicas", r.min(), r.max()),
                                    null)));
        };
    }
}
