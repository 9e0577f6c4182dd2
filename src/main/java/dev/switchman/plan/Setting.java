package dev.switchman.plan;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The service settings Switchman manages, by desired-state path, with Railway's default and the
 * effect of changing them. Values are compared after {@link #normalize}, so Railway's defaults and
 * equivalent spellings ({@code ""} and unset, {@code 2} and {@code 2.0}, a command and a
 * one-command list) never show as drift.
 */
public enum Setting {
    SOURCE_IMAGE("source.image", Kind.TEXT, null),
    SOURCE_REPO("source.repo", Kind.TEXT, null),
    SOURCE_BRANCH("source.branch", Kind.TEXT, "main"),
    SOURCE_ROOT_DIRECTORY("source.rootDirectory", Kind.TEXT, null),
    BUILD_BUILDER("build.builder", Kind.TEXT, "RAILPACK"),
    BUILD_COMMAND("build.buildCommand", Kind.TEXT, null),
    BUILD_DOCKERFILE_PATH("build.dockerfilePath", Kind.TEXT, "Dockerfile"),
    BUILD_WATCH_PATTERNS("build.watchPatterns", Kind.LIST, null),
    DEPLOY_START_COMMAND("deploy.startCommand", Kind.TEXT, null),
    DEPLOY_PRE_DEPLOY_COMMAND("deploy.preDeployCommand", Kind.LIST, null),
    DEPLOY_HEALTHCHECK_PATH("deploy.healthcheckPath", Kind.TEXT, null),
    DEPLOY_HEALTHCHECK_TIMEOUT("deploy.healthcheckTimeout", Kind.NUMBER, 300),
    DEPLOY_RESTART_POLICY_TYPE("deploy.restartPolicyType", Kind.TEXT, "ON_FAILURE"),
    DEPLOY_RESTART_POLICY_MAX_RETRIES("deploy.restartPolicyMaxRetries", Kind.NUMBER, 10),
    DEPLOY_NUM_REPLICAS("deploy.numReplicas", Kind.NUMBER, 1),
    DEPLOY_REGION("deploy.region", Kind.TEXT, null),
    DEPLOY_MULTI_REGION_CONFIG("deploy.multiRegionConfig", Kind.REPLICAS_BY_REGION, null),
    DEPLOY_CRON_SCHEDULE("deploy.cronSchedule", Kind.TEXT, null),
    DEPLOY_SLEEP_APPLICATION("deploy.sleepApplication", Kind.BOOLEAN, false),
    DEPLOY_OVERLAP_SECONDS("deploy.overlapSeconds", Kind.NUMBER, 0),
    DEPLOY_DRAINING_SECONDS("deploy.drainingSeconds", Kind.NUMBER, 0),
    DEPLOY_LIMITS_VCPUS("deploy.limits.vCPUs", Kind.NUMBER, null),
    DEPLOY_LIMITS_MEMORY_GB("deploy.limits.memoryGB", Kind.NUMBER, null),
    VOLUME_MOUNT_PATH("volume.mountPath", Kind.TEXT, null),
    /** Railway's volume backup schedules take effect without a deploy. */
    VOLUME_BACKUP_SCHEDULES("volume.backupSchedules", Kind.SET, null, Change.Effect.IN_PLACE);

    private enum Kind { TEXT, NUMBER, BOOLEAN, LIST, SET, REPLICAS_BY_REGION }

    private final String path;
    private final Kind kind;
    private final Object railwayDefault;
    private final Change.Effect effect;

    Setting(String path, Kind kind, Object railwayDefault) {
        this(path, kind, railwayDefault, Change.Effect.REDEPLOY);
    }

    Setting(String path, Kind kind, Object railwayDefault, Change.Effect effect) {
        this.path = path;
        this.kind = kind;
        this.railwayDefault = railwayDefault;
        this.effect = effect;
    }

    /** The desired-state path, for example {@code deploy.healthcheckTimeout}. */
    public String path() {
        return path;
    }

    /** What Railway uses when nothing is set; null when it has no value at all. */
    public Object railwayDefault() {
        return railwayDefault;
    }

    /** Most settings take effect on the next deployment. */
    public Change.Effect effect() {
        return effect;
    }

    /** True for the settings of a service's volume, which live beside the service instance. */
    public boolean isVolume() {
        return path.startsWith("volume.");
    }

    public static Optional<Setting> byPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    /** True when both values mean the same thing to Railway. */
    public boolean same(Object a, Object b) {
        return Objects.equals(normalize(a), normalize(b));
    }

    /** A canonical form of {@code value}; null stands for Railway's default (or no value). */
    public Object normalize(Object value) {
        Object canonical = canonical(value);
        return canonical == null || canonical.equals(canonical(railwayDefault)) ? null : canonical;
    }

    private Object canonical(Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> value.toString().isEmpty() ? null : value.toString();
            case NUMBER -> number(value);
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case LIST -> {
                List<String> list = value instanceof Collection<?> c
                        ? c.stream().map(String::valueOf).toList()
                        : List.of(value.toString());
                yield list.isEmpty() ? null : list;
            }
            case SET -> {
                var set = new TreeSet<String>();
                ((Collection<?>) value).forEach(v -> set.add(String.valueOf(v)));
                yield set.isEmpty() ? null : set;
            }
            case REPLICAS_BY_REGION -> {
                var replicas = new TreeMap<String, BigDecimal>();
                ((Map<?, ?>) value).forEach((region, count) -> {
                    if (count != null) {
                        replicas.put(String.valueOf(region), number(count));
                    }
                });
                yield replicas.isEmpty() ? null : replicas;
            }
        };
    }

    private static BigDecimal number(Object value) {
        BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
    }
}
