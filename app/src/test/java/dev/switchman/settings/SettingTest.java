package dev.switchman.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void railwaysDefaultsAndUnsetAreTheSame() {
        assertThat(Setting.DEPLOY_HEALTHCHECK_TIMEOUT.same(null, 300)).isTrue();
        assertThat(Setting.DEPLOY_NUM_REPLICAS.same(1, null)).isTrue();
        assertThat(Setting.DEPLOY_RESTART_POLICY_TYPE.same("ON_FAILURE", null)).isTrue();
        assertThat(Setting.DEPLOY_RESTART_POLICY_MAX_RETRIES.same(10, null)).isTrue();
        assertThat(Setting.DEPLOY_SLEEP_APPLICATION.same(false, null)).isTrue();
        assertThat(Setting.DEPLOY_OVERLAP_SECONDS.same(0, null)).isTrue();
        assertThat(Setting.DEPLOY_DRAINING_SECONDS.same(null, 0)).isTrue();
        assertThat(Setting.BUILD_BUILDER.same("RAILPACK", null)).isTrue();
        assertThat(Setting.BUILD_DOCKERFILE_PATH.same("Dockerfile", null)).isTrue();
        assertThat(Setting.SOURCE_BRANCH.same("main", null)).isTrue();
    }

    @Test
    void equivalentSpellingsAreTheSame() {
        assertThat(Setting.DEPLOY_START_COMMAND.same("", null)).isTrue();
        assertThat(Setting.BUILD_WATCH_PATTERNS.same(List.of(), null)).isTrue();
        assertThat(Setting.DEPLOY_PRE_DEPLOY_COMMAND.same("migrate", List.of("migrate"))).isTrue();
        assertThat(Setting.DEPLOY_LIMITS_VCPUS.same(2, 2.0)).isTrue();
        assertThat(Setting.DEPLOY_MULTI_REGION_CONFIG.same(Map.of("us-west2", 2), Map.of("us-west2", 2.0))).isTrue();
        assertThat(Setting.VOLUME_BACKUP_SCHEDULES.same(Set.of("WEEKLY", "DAILY"), List.of("DAILY", "WEEKLY"))).isTrue();
        assertThat(Setting.VOLUME_BACKUP_SCHEDULES.same(List.of(), null)).isTrue();
    }

    @Test
    void realDifferencesRemain() {
        assertThat(Setting.DEPLOY_HEALTHCHECK_TIMEOUT.same(120, 300)).isFalse();
        assertThat(Setting.DEPLOY_NUM_REPLICAS.same(2, null)).isFalse();
        assertThat(Setting.DEPLOY_PRE_DEPLOY_COMMAND.same(List.of("a", "b"), List.of("b", "a"))).isFalse();
        assertThat(Setting.VOLUME_BACKUP_SCHEDULES.same(Set.of("DAILY"), Set.of("DAILY", "WEEKLY"))).isFalse();
    }

    @Test
    void everySettingIsFoundByItsPathAndOnlyBackupSchedulesApplyInPlace() {
        for (Setting setting : Setting.values()) {
            assertThat(Setting.byPath(setting.path())).contains(setting);
            assertThat(setting.redeploys()).isEqualTo(setting != Setting.VOLUME_BACKUP_SCHEDULES);
        }
    }

    @Test
    void everyEntryIsDeclaredCompletely() {
        for (Setting setting : Setting.values()) {
            assertThat(setting.examples()).as(setting.path()).isNotEmpty()
                    .allMatch(example -> setting.normalize(example) != null, "differs from Railway's default");
            setting.exclusiveWith().ifPresent(key -> assertThat(Setting.byPath(setting.group() + "." + key))
                    .as(setting.path() + " excludes a sibling").isPresent());
            setting.needs().ifPresent(needed -> assertThat(needed).isNotEqualTo(setting));
            boolean configSaysIt = switch (setting.write()) {
                case Write.InstanceUpdate update -> update.inPatch();
                case Write.ConfigPatchOnly patch -> true;
                case Write.Limit limit -> true;
                case Write.Volume volume -> false;
            };
            assertThat(setting.configPointer() != null).as(setting.path() + " has a config pointer")
                    .isEqualTo(configSaysIt);
        }
    }
}
