package dev.switchman.desired;

import static dev.switchman.desired.Fields.duration;
import static dev.switchman.desired.Fields.integer;
import static dev.switchman.desired.Fields.items;
import static dev.switchman.desired.Fields.map;
import static dev.switchman.desired.Fields.number;
import static dev.switchman.desired.Fields.strings;
import static dev.switchman.desired.Fields.text;

import dev.switchman.desired.VerificationSpec.CheckSpec;
import dev.switchman.desired.VerificationSpec.JsonExpectation;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Binds one merged, validated service mapping to a {@link ServiceSpec}. */
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
        return new ServiceSpec(name, source(map(service, "source")), build(map(service, "build")),
                deploy(map(service, "deploy")), Fields.variables(service, "variables"),
                required == null ? List.of() : required, dependsOn == null ? List.of() : dependsOn,
                volume(map(service, "volume")), verify(map(service, "verify")), location);
    }

    private static SourceSpec source(MapNode s) {
        return s == null ? SourceSpec.NONE
                : new SourceSpec(text(s, "image"), text(s, "repo"), text(s, "branch"), text(s, "rootDirectory"));
    }

    private static BuildSpec build(MapNode b) {
        return b == null ? BuildSpec.NONE : new BuildSpec(text(b, "builder"), text(b, "buildCommand"),
                text(b, "dockerfilePath"), strings(b, "watchPatterns"));
    }

    private static DeploySpec deploy(MapNode d) {
        if (d == null) {
            return DeploySpec.NONE;
        }
        Map<String, Integer> regions = null;
        MapNode multiRegion = map(d, "multiRegionConfig");
        if (multiRegion != null) {
            regions = new LinkedHashMap<>();
            for (YamlNode.Entry e : multiRegion.entries()) {
                regions.put(e.key(), integer((MapNode) e.value(), "numReplicas"));
            }
        }
        MapNode limits = map(d, "limits");
        return new DeploySpec(text(d, "startCommand"), strings(d, "preDeployCommand"), text(d, "healthcheckPath"),
                integer(d, "healthcheckTimeout"), text(d, "restartPolicyType"), integer(d, "restartPolicyMaxRetries"),
                integer(d, "numReplicas"), text(d, "region"), regions, text(d, "cronSchedule"),
                Fields.bool(d, "sleepApplication"), integer(d, "overlapSeconds"), integer(d, "drainingSeconds"),
                limits == null ? null : new DeploySpec.Limits(number(limits, "vCPUs"), number(limits, "memoryGB")));
    }

    private static VolumeSpec volume(MapNode v) {
        if (v == null) {
            return null;
        }
        List<String> schedules = strings(v, "backupSchedules");
        return new VolumeSpec(text(v, "mountPath"), schedules == null ? null : schedules.stream()
                .map(VolumeSpec.BackupSchedule::valueOf)
                .collect(() -> EnumSet.noneOf(VolumeSpec.BackupSchedule.class), EnumSet::add, EnumSet::addAll));
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
