package dev.switchman.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingWritesTest {

    @Test
    void sortsSettingsByTheCallThatWritesThem() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("source.image", "nginx:1.27");
        settings.put("source.branch", "develop");
        settings.put("deploy.healthcheckTimeout", new BigDecimal("300.0"));
        settings.put("deploy.healthcheckPath", null);
        settings.put("deploy.preDeployCommand", "migrate");
        settings.put("deploy.multiRegionConfig", Map.of("us-west2", 2));
        settings.put("deploy.limits.vCPUs", 2);
        settings.put("volume.mountPath", "/data");

        SettingWrites writes = SettingWrites.of(settings);

        assertThat(writes.input().toString()).isEqualTo("{\"source\":{\"image\":\"nginx:1.27\"},"
                + "\"healthcheckTimeout\":300,\"healthcheckPath\":null,\"preDeployCommand\":[\"migrate\"],"
                + "\"multiRegionConfig\":{\"us-west2\":{\"numReplicas\":2}}}");
        assertThat(writes.patch().toString()).isEqualTo("{\"source\":{\"branch\":\"develop\"}}");
        assertThat(writes.limits()).containsExactly(Map.entry("vCPUs", 2.0));
        assertThat(writes.unsupported()).containsExactly("volume.mountPath");
    }

    @Test
    void theDockerfileBuilderGoesThroughThePatch() {
        SettingWrites writes = SettingWrites.of(Map.of("build.builder", "DOCKERFILE"));

        assertThat(writes.hasInput()).isFalse();
        assertThat(writes.patch().toString()).isEqualTo("{\"build\":{\"builder\":\"DOCKERFILE\"}}");
        assertThat(SettingWrites.of(Map.of("build.watchPatterns", List.of("src/**"))).input().toString())
                .isEqualTo("{\"watchPatterns\":[\"src/**\"]}");
    }

    @Test
    void aConfigPatchHoldsEachSettingAtItsPointerInTheConfigsUnits() {
        ConfigPatch patch = new ConfigPatch();

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("deploy.preDeployCommand", "migrate");
        settings.put("deploy.limits.memoryGB", 0.5);
        settings.put("deploy.limits.vCPUs", 2);
        settings.put("source.branch", "develop");
        settings.put("deploy.healthcheckPath", null);
        settings.put("deploy.region", "europe-west4");
        settings.put("volume.mountPath", "/data");

        assertThat(patch.settings("svc", settings)).containsOnlyKeys("deploy.region", "volume.mountPath");

        assertThat(patch.json().toString()).isEqualTo("{\"services\":{\"svc\":{\"deploy\":{"
                + "\"preDeployCommand\":[\"migrate\"],\"limitOverride\":{\"containers\":{\"memoryBytes\":500000000,"
                + "\"cpu\":2}},\"healthcheckPath\":null},\"source\":{\"branch\":\"develop\"}}}}");
    }

    @Test
    void aPatchDoesNotGainAnEmptyServiceForWhatItCannotSay() {
        ConfigPatch patch = new ConfigPatch();

        assertThat(patch.settings("svc", Map.of("deploy.region", "europe-west4"))).hasSize(1);

        assertThat(patch.isEmpty()).isTrue();
    }
}
