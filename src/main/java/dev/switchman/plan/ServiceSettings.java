package dev.switchman.plan;

import dev.switchman.desired.BuildSpec;
import dev.switchman.desired.DeploySpec;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.desired.SourceSpec;
import dev.switchman.desired.VolumeSpec;
import dev.switchman.settings.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A desired service's settings flattened to {@link Setting} path -> value. */
public final class ServiceSettings {

    private ServiceSettings() {
    }

    /**
     * The settings {@code service} declares, in catalog order. A null field is not managed and
     * has no entry.
     */
    public static Map<String, Object> of(ServiceSpec service) {
        Map<Setting, Object> values = new LinkedHashMap<>();
        SourceSpec source = service.source() == null ? SourceSpec.NONE : service.source();
        values.put(Setting.SOURCE_IMAGE, source.image());
        values.put(Setting.SOURCE_REPO, source.repo());
        values.put(Setting.SOURCE_BRANCH, source.branch());
        values.put(Setting.SOURCE_ROOT_DIRECTORY, source.rootDirectory());
        BuildSpec build = service.build() == null ? BuildSpec.NONE : service.build();
        values.put(Setting.BUILD_BUILDER, build.builder());
        values.put(Setting.BUILD_COMMAND, build.buildCommand());
        values.put(Setting.BUILD_DOCKERFILE_PATH, build.dockerfilePath());
        values.put(Setting.BUILD_WATCH_PATTERNS, build.watchPatterns());
        DeploySpec deploy = service.deploy() == null ? DeploySpec.NONE : service.deploy();
        values.put(Setting.DEPLOY_START_COMMAND, deploy.startCommand());
        values.put(Setting.DEPLOY_PRE_DEPLOY_COMMAND, deploy.preDeployCommand());
        values.put(Setting.DEPLOY_HEALTHCHECK_PATH, deploy.healthcheckPath());
        values.put(Setting.DEPLOY_HEALTHCHECK_TIMEOUT, deploy.healthcheckTimeout());
        values.put(Setting.DEPLOY_RESTART_POLICY_TYPE, deploy.restartPolicyType());
        values.put(Setting.DEPLOY_RESTART_POLICY_MAX_RETRIES, deploy.restartPolicyMaxRetries());
        values.put(Setting.DEPLOY_NUM_REPLICAS, deploy.numReplicas());
        values.put(Setting.DEPLOY_REGION, deploy.region());
        values.put(Setting.DEPLOY_MULTI_REGION_CONFIG, deploy.multiRegionConfig());
        values.put(Setting.DEPLOY_CRON_SCHEDULE, deploy.cronSchedule());
        values.put(Setting.DEPLOY_SLEEP_APPLICATION, deploy.sleepApplication());
        values.put(Setting.DEPLOY_OVERLAP_SECONDS, deploy.overlapSeconds());
        values.put(Setting.DEPLOY_DRAINING_SECONDS, deploy.drainingSeconds());
        if (deploy.limits() != null) {
            values.put(Setting.DEPLOY_LIMITS_VCPUS, deploy.limits().vCPUs());
            values.put(Setting.DEPLOY_LIMITS_MEMORY_GB, deploy.limits().memoryGB());
        }
        VolumeSpec volume = service.volume();
        if (volume != null) {
            values.put(Setting.VOLUME_MOUNT_PATH, volume.mountPath());
            values.put(Setting.VOLUME_BACKUP_SCHEDULES, volume.backupSchedules() == null ? null
                    : volume.backupSchedules().stream().map(Enum::name).sorted().toList());
        }
        Map<String, Object> byPath = new LinkedHashMap<>();
        values.forEach((setting, value) -> {
            if (value != null) {
                byPath.put(setting.path(), value);
            }
        });
        return Collections.unmodifiableMap(byPath);
    }
}
