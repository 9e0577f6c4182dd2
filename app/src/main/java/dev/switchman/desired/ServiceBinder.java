package dev.switchman.desired;

import static dev.switchman.desired.Fields.duration;
import static dev.switchman.desired.Fields.integer;
import static dev.switchman.desired.Fields.items;
import static dev.switchman.desired.Fields.map;
import static dev.switchman.desired.Fields.strings;
import static dev.switchman.desired.Fields.text;

import dev.switchman.desired.VerificationSpec.CheckSpec;
import dev.switchman.desired.VerificationSpec.JsonExpectation;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Binds one merged, validated service mapping to a {@link ServiceSpec}; its settings through {@link SettingBinder}. */
final class ServiceBinder {

    static final Duration DEFAULT_SOAK = Duration.ofSeconds(60);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final int DEFAULT_FAILURE_THRESHOLD = 3;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private ServiceBinder() {
    }

    static ServiceSpec bind(String name, MapNode service, SourceLocation location) {
        List<String> required = strings(service, "requiredVariables");
        List<String> dependsOn = strings(service, "dependsOn");
        return new ServiceSpec(name, SettingBinder.bind(service), Fields.variables(service, "variables"),
                required == null ? List.of() : required, dependsOn == null ? List.of() : dependsOn,
                verify(map(service, "verify")), location);
    }

    private static VerificationSpec verify(MapNode v) {
        if (v == null) {
            return null;
        }
        Integer threshold = integer(v, "failureThreshold");
        return new VerificationSpec(text(v, "baseUrl"), duration(v, "soak", DEFAULT_SOAK),
                duration(v, "interval", DEFAULT_INTERVAL), threshold == null ? DEFAULT_FAILURE_THRESHOLD : threshold,
                duration(v, "timeout", DEFAULT_TIMEOUT),
                items(v, "checks").stream().map(c -> check((MapNode) c)).toList());
    }

    private static CheckSpec check(MapNode c) {
        List<Integer> statuses = items(c, "expectStatus").stream()
                .map(n -> Integer.valueOf(((YamlNode.ScalarNode) n).text())).toList();
        String path = text(c, "path");
        return new CheckSpec(Objects.requireNonNullElse(text(c, "name"), path), path,
                c.get("expectStatus").isPresent() ? statuses : List.of(200), duration(c, "maxLatency", null),
                items(c, "json").stream().map(j -> expectation((MapNode) j)).toList());
    }

    private static JsonExpectation expectation(MapNode j) {
        Map<String, Object> where = new LinkedHashMap<>();
        MapNode whereNode = map(j, "where");
        if (whereNode != null) {
            whereNode.entries().forEach(e -> where.put(e.key(), Fields.scalarValue(e.value())));
        }
        List<Object> allowed = j.get("equals").isPresent()
                ? List.of(Fields.scalarValue(j.get("equals").get()))
                : items(j, "oneOf").stream().map(Fields::scalarValue).toList();
        return new JsonExpectation(text(j, "each"), where, text(j, "path"), allowed);
    }
}
