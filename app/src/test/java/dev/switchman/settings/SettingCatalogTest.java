package dev.switchman.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchman.apply.ApplyReport;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.PlanRenderer;
import dev.switchman.railway.Operation;
import dev.switchman.railway.OperationDocuments;
import dev.switchman.settings.CatalogSandbox.Example;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalog entry, end to end: the environment query selects it; the apply step writes each of its examples
 * (batched in one config patch, and field by field while someone else's edits wait staged); the sandbox, whose
 * model of Railway is its own, keeps it where the entry says Railway does (the config at its pointer, its
 * instance field); the parser reads it back; and planning again finds nothing to do. A new entry is tested here
 * without a line of test code.
 */
class SettingCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path desiredDir;

    @Test
    void theEnvironmentQuerySelectsEveryEntry() {
        OperationDocuments documents = OperationDocuments.load(getClass().getClassLoader());
        for (Operation read : List.of(Operation.ENVIRONMENT_STATE, Operation.ENVIRONMENT_STATES)) {
            Set<String> selected = QuerySelections.of(documents.text(read));
            SoftAssertions softly = new SoftAssertions();
            for (Setting setting : Setting.values()) {
                List<String> wanted = switch (setting.write()) {
                    case Write.Volume volume -> List.of("environment.config", "environment.volumeInstances.edges.node"
                            + ".mountPath");
                    case Write.InstanceUpdate update -> setting.instanceField()
                            .map(f -> List.of("environment.serviceInstances.edges.node." + f)).orElse(List.of());
                    case Write.ConfigPatchOnly patch -> List.of();
                    case Write.Limit limit -> List.of();
                };
                softly.assertThat(selected).as("%s: %s", read, setting.path()).containsAll(wanted);
                if (setting.configPointer() != null) {
                    softly.assertThat(selected).as("%s: %s", read, setting.path()).contains("environment.config");
                }
                softly.assertThat(setting.configPointer() != null || setting.instanceField().isPresent()
                        || setting.isVolume()).as("%s is read from somewhere", setting.path()).isTrue();
            }
            softly.assertAll();
        }
    }

    @Test
    void everyExampleIsWrittenInOnePatchKeptByTheSandboxAndReadBack() {
        try (CatalogSandbox railway = new CatalogSandbox(desiredDir)) {
            roundTrip(railway, "production", railway.examples);
        }
    }

    @Test
    void everyExampleAMutationCanSayIsWrittenFieldByFieldWhileOthersEditsAreStaged() {
        try (CatalogSandbox railway = new CatalogSandbox(desiredDir)) {
            railway.railway.stageChanges(railway.environmentId("staging"), JSON.valueToTree(Map.of("sharedVariables",
                    Map.of("SOMEONE_ELSE", Map.of("value", "x")))), true);
            List<Example> mutable = railway.examples.stream().filter(SettingCatalogTest::aMutationCanSay).toList();
            assertThat(mutable).hasSizeGreaterThan(railway.examples.size() / 2);

            roundTrip(railway, "staging", mutable);

            assertThat(RailwayEnvironmentParser.parse(railway.read("staging")).unmergedChangesCount()).isEqualTo(1);
        }
    }

    private static void roundTrip(CatalogSandbox railway, String environment, List<Example> examples) {
        DesiredEnvironment desired = railway.desire(environment, examples);

        ApplyReport report = railway.apply(desired);

        assertThat(report.failures()).isEmpty();
        JsonNode raw = railway.read(environment);
        ObservedEnvironment observed = RailwayEnvironmentParser.parse(raw);
        SoftAssertions softly = new SoftAssertions();
        for (Example example : examples) {
            Setting setting = example.setting();
            String what = setting.path() + " = " + example.value();
            ObservedService service = observed.services().get(example.service());
            softly.assertThat(report.applied()).as("reported applied: " + what)
                    .contains("service." + example.service() + "." + setting.path());
            softly.assertThat(setting.same(observedValue(setting, service), example.value()))
                    .as("read back by the parser: %s, observed %s", what, observedValue(setting, service)).isTrue();
            JsonNode instance = instanceNode(raw, service.serviceId());
            setting.instanceField().filter(field -> instanceShows(setting, example.value())).ifPresent(field ->
                    softly.assertThat(setting.same(plain(setting, instance.at(pointer(field)), 1), example.value()))
                            .as("the service instance's %s: %s", field, what).isTrue());
            if (setting.configPointer() != null) {
                JsonNode config = raw.path("config").path("services").path(service.serviceId());
                Object kept = plain(setting, config.at(setting.configPointer()), setting.configScale());
                softly.assertThat(setting.same(kept, example.value()))
                        .as("the config at %s: %s, kept %s", setting.configPointer(), what, kept).isTrue();
            }
        }
        softly.assertAll();
        assertThat(railway.plan(desired).changes()).as(PlanRenderer.text(railway.plan(desired))).isEmpty();
    }

    /** Refused while others' edits are staged: what only a config patch can say. */
    private static boolean aMutationCanSay(Example example) {
        return switch (example.setting().write()) {
            case Write.InstanceUpdate update -> !update.patchOnly().contains(String.valueOf(example.value()));
            case Write.ConfigPatchOnly patch -> false;
            case Write.Limit limit -> true;
            case Write.Volume volume -> true;
        };
    }

    /** The instance field's type cannot say a value only a patch can (Railway's Builder enum lacks DOCKERFILE). */
    private static boolean instanceShows(Setting setting, Object value) {
        return !(setting.write() instanceof Write.InstanceUpdate update)
                || !update.patchOnly().contains(String.valueOf(value));
    }

    private static Object observedValue(Setting setting, ObservedService service) {
        if (!setting.isVolume()) {
            return service.settings().get(setting.path());
        }
        return switch (setting.key()) {
            case "mountPath" -> service.volume().mountPath();
            case "backupSchedules" -> service.volume().backupSchedules();
            default -> throw new AssertionError("teach SettingCatalogTest where the volume holds " + setting.path());
        };
    }

    private static JsonNode instanceNode(JsonNode raw, String serviceId) {
        for (JsonNode edge : raw.path("serviceInstances").path("edges")) {
            if (serviceId.equals(edge.path("node").path("serviceId").asText())) {
                return edge.path("node");
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    private static String pointer(String dottedField) {
        return "/" + dottedField.replace('.', '/');
    }

    /** A raw JSON value as YAML would write it: replicas per region unwrapped, config units scaled back. */
    private static Object plain(Setting setting, JsonNode node, double scale) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (setting.type().form() == ValueType.Form.REPLICAS_BY_REGION) {
            Map<String, Object> replicas = new LinkedHashMap<>();
            node.properties().forEach(e -> replicas.put(e.getKey(), e.getValue().path("numReplicas").numberValue()));
            return replicas;
        }
        return node.isNumber() && scale != 1 ? node.doubleValue() / scale : JSON.convertValue(node, Object.class);
    }
}
