package dev.switchman.settings;

import static dev.switchman.settings.Declaration.at;
import static dev.switchman.settings.Declaration.replicas;
import static dev.switchman.settings.ValueType.choice;
import static dev.switchman.settings.ValueType.choices;
import static dev.switchman.settings.ValueType.commands;
import static dev.switchman.settings.ValueType.cron;
import static dev.switchman.settings.ValueType.decimal;
import static dev.switchman.settings.ValueType.flag;
import static dev.switchman.settings.ValueType.matching;
import static dev.switchman.settings.ValueType.regionReplicas;
import static dev.switchman.settings.ValueType.text;
import static dev.switchman.settings.ValueType.urlPath;
import static dev.switchman.settings.ValueType.whole;
import static dev.switchman.settings.ValueType.words;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog: every Railway service setting Switchman manages, declared once. The YAML shape and its JSON
 * Schema, the binder, the observed parser, the Railway writes, the environment query's instance fields, the
 * sandbox and the docs table (docs/desired-state.md) are all derived from these entries; adding a setting is
 * adding an entry (CONTRIBUTING.md). Values compare with {@link #same}, after {@link SettingValue#normalize}.
 */
public enum Setting {
    SOURCE_IMAGE(at("source.image", text("an image reference"), "a container image; exclusive with repo")
            .input("source.image", "/source/image").reads("source.image").exclusiveWith("repo")
            .examples("ghcr.io/acme/api:2.0")),
    SOURCE_REPO(at("source.repo", matching("repository", "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+",
            "write owner/name, e.g. acme/django-api"), "a GitHub repository, owner/name")
            .input("source.repo", "/source/repo").reads("source.repo").examples("acme/api")),
    SOURCE_BRANCH(at("source.branch", text("a branch name"), "the branch Railway deploys (needs repo)")
            .patchOnly("/source/branch").railwayDefault("main").needs("source.repo", "an image has no branch")
            .examples("develop")),
    SOURCE_ROOT_DIRECTORY(at("source.rootDirectory", text("a directory"),
            "the directory of the repository to build (needs repo)")
            .input("rootDirectory", "/source/rootDirectory").reads("rootDirectory").needs("source.repo", null)
            .examples("/backend")),
    BUILD_BUILDER(at("build.builder", choice("RAILPACK", "NIXPACKS", "DOCKERFILE", "HEROKU", "PAKETO"),
            "how Railway builds the repository")
            // Railway's Builder enum lacks DOCKERFILE: only a config patch can say it.
            .input("builder", "/build/builder", "DOCKERFILE").reads("builder").railwayDefault("RAILPACK")
            .examples("DOCKERFILE", "NIXPACKS")),
    BUILD_COMMAND(at("build.buildCommand", text("a command"), "replaces the builder's build command")
            .input("buildCommand", "/build/buildCommand").reads("buildCommand").examples("make build")),
    BUILD_DOCKERFILE_PATH(at("build.dockerfilePath", text("a path"), "the Dockerfile the DOCKERFILE builder uses")
            .input("dockerfilePath", "/build/dockerfilePath").reads("dockerfilePath").railwayDefault("Dockerfile")
            .examples("docker/Dockerfile")),
    BUILD_WATCH_PATTERNS(at("build.watchPatterns", words("a glob pattern"),
            "changes outside these paths do not redeploy")
            .input("watchPatterns", "/build/watchPatterns").reads("watchPatterns").examples(List.of("src/**"))),
    DEPLOY_START_COMMAND(at("deploy.startCommand", text("a command"), "replaces the image's or builder's start command")
            .input("startCommand", "/deploy/startCommand").reads("startCommand").examples("./serve --port 8080")),
    DEPLOY_PRE_DEPLOY_COMMAND(at("deploy.preDeployCommand", commands("a command"),
            "runs in a separate container before the new version starts")
            .input("preDeployCommand", "/deploy/preDeployCommand").reads("preDeployCommand")
            .examples("./migrate", List.of("./migrate", "./seed"))),
    DEPLOY_HEALTHCHECK_PATH(at("deploy.healthcheckPath", urlPath(),
            "Railway waits for 200 here before switching traffic")
            .input("healthcheckPath", "/deploy/healthcheckPath").reads("healthcheckPath").examples("/health")),
    DEPLOY_HEALTHCHECK_TIMEOUT(at("deploy.healthcheckTimeout", whole("seconds", 1, 3600),
            "how long Railway waits for the healthcheck")
            .input("healthcheckTimeout", "/deploy/healthcheckTimeout").reads("healthcheckTimeout")
            .railwayDefault(300).examples(120)),
    DEPLOY_RESTART_POLICY_TYPE(at("deploy.restartPolicyType", choice("ALWAYS", "NEVER", "ON_FAILURE"),
            "when Railway restarts a process that exited")
            .input("restartPolicyType", "/deploy/restartPolicyType").reads("restartPolicyType")
            .railwayDefault("ON_FAILURE").examples("NEVER")),
    DEPLOY_RESTART_POLICY_MAX_RETRIES(at("deploy.restartPolicyMaxRetries", whole("retries", 0, 100),
            "restarts before Railway gives up, with ON_FAILURE")
            .input("restartPolicyMaxRetries", "/deploy/restartPolicyMaxRetries").reads("restartPolicyMaxRetries")
            .railwayDefault(10).examples(3)),
    DEPLOY_NUM_REPLICAS(at("deploy.numReplicas", whole("replicas", 1, 50), "instances of the service in its region")
            .input("numReplicas", "/deploy/numReplicas").reads("numReplicas").railwayDefault(1).examples(2)),
    DEPLOY_REGION(at("deploy.region", text("a region"), "exclusive with multiRegionConfig")
            // the config says regions only as multiRegionConfig
            .inputOnly("region").reads("region").exclusiveWith("multiRegionConfig")
            .examples("europe-west4")),
    DEPLOY_MULTI_REGION_CONFIG(at("deploy.multiRegionConfig", regionReplicas(1, 50), "replicas per region")
            .input("multiRegionConfig", "/deploy/multiRegionConfig")
            .examples(replicas("us-west2", 2), replicas("us-west2", 1, "europe-west4", 2))),
    DEPLOY_CRON_SCHEDULE(at("deploy.cronSchedule", cron(), "run as a cron job on this schedule")
            .input("cronSchedule", "/deploy/cronSchedule").reads("cronSchedule").examples("0 3 * * *")),
    DEPLOY_SLEEP_APPLICATION(at("deploy.sleepApplication", flag(), "let Railway sleep the service when idle")
            .input("sleepApplication", "/deploy/sleepApplication").reads("sleepApplication").railwayDefault(false)
            .examples(true)),
    DEPLOY_OVERLAP_SECONDS(at("deploy.overlapSeconds", whole("seconds", 0, 3600),
            "old and new versions overlap this long")
            .input("overlapSeconds", "/deploy/overlapSeconds").reads("overlapSeconds").railwayDefault(0)
            .examples(30)),
    DEPLOY_DRAINING_SECONDS(at("deploy.drainingSeconds", whole("seconds", 0, 3600),
            "time between SIGTERM and SIGKILL")
            .input("drainingSeconds", "/deploy/drainingSeconds").reads("drainingSeconds").railwayDefault(0)
            .examples(10)),
    DEPLOY_LIMITS_VCPUS(at("deploy.limits.vCPUs", decimal("vCPUs", 1024), "CPU limit per instance")
            .limit("vCPUs", "/deploy/limitOverride/containers/cpu", 1).examples(2)),
    DEPLOY_LIMITS_MEMORY_GB(at("deploy.limits.memoryGB", decimal("GB", 4096), "memory limit per instance")
            .limit("memoryGB", "/deploy/limitOverride/containers/memoryBytes", 1e9).examples(4, 0.5)),
    VOLUME_MOUNT_PATH(at("volume.mountPath", urlPath(), "where the volume is mounted in the container")
            .volume("volumeInstanceUpdate").examples("/data")),
    VOLUME_BACKUP_SCHEDULES(at("volume.backupSchedules", choices("DAILY", "WEEKLY", "MONTHLY"),
            "Railway volume backups")
            .volume("volumeInstanceBackupScheduleUpdate").inPlace().examples(List.of("WEEKLY", "DAILY")));

    private final Declaration declaration;

    Setting(Declaration declaration) {
        this.declaration = declaration;
    }

    /** The desired-state path, for example {@code deploy.healthcheckTimeout}. */
    public String path() {
        return declaration.path;
    }

    /** The path without its last key: the YAML mapping holding it ({@code deploy}, {@code deploy.limits}). */
    public String group() {
        return path().substring(0, path().lastIndexOf('.'));
    }

    /** The last key of the path ({@code healthcheckTimeout}). */
    public String key() {
        return path().substring(path().lastIndexOf('.') + 1);
    }

    public ValueType type() {
        return declaration.type;
    }

    /** What it does, for the JSON Schema and the docs; null when the name says it all. */
    public String doc() {
        return declaration.doc;
    }

    /** What Railway uses when nothing is set; null when it has no value at all. */
    public Object railwayDefault() {
        return declaration.railwayDefault;
    }

    /** False for the few settings Railway applies without a deployment. */
    public boolean redeploys() {
        return !declaration.inPlace;
    }

    public Write write() {
        return declaration.write;
    }

    /**
     * Where the environment config ({@code config.services.<id>}) holds it, a JSON pointer; null when it does not
     * (a region, which the config holds only as multiRegionConfig; volume settings).
     */
    public String configPointer() {
        return declaration.configPointer;
    }

    /** How many units of the config's value make one of the YAML's (bytes per GB); 1 for most. */
    public double configScale() {
        return switch (write()) {
            case Write.InstanceUpdate input -> 1;
            case Write.ConfigPatchOnly patch -> 1;
            case Write.Limit limit -> limit.configScale();
            case Write.Volume volume -> 1;
        };
    }

    /** The {@code ServiceInstance} field the environment query selects for it, if any. */
    public Optional<String> instanceField() {
        return Optional.ofNullable(declaration.instanceField);
    }

    /** The sibling key this setting excludes (at most one of both), if any. */
    public Optional<String> exclusiveWith() {
        return Optional.ofNullable(declaration.exclusiveWith);
    }

    /** The setting this one is only valid with, if any. */
    public Optional<Setting> needs() {
        return Optional.ofNullable(declaration.needs).map(p -> byPath(p).orElseThrow());
    }

    /** Why it needs {@link #needs()}, or null. */
    public String needsWhy() {
        return declaration.needsWhy;
    }

    /** Values other than Railway's default, as the binder holds them ({@link #asYaml} writes them). */
    public List<Object> examples() {
        return declaration.examples;
    }

    /** {@code value}, as the binder holds it, the way YAML spells it ({@code {region: {numReplicas: n}}}). */
    public Object asYaml(Object value) {
        return switch (type().form()) {
            case TEXT, WHOLE, DECIMAL, FLAG, LIST, SET -> value;
            case REPLICAS_BY_REGION -> {
                Map<Object, Object> regions = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((region, count) -> regions.put(region, Map.of("numReplicas", count)));
                yield regions;
            }
        };
    }

    /** True for the settings of a service's volume, which live beside the service instance. */
    public boolean isVolume() {
        return write() instanceof Write.Volume;
    }

    public static Optional<Setting> byPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path().equals(path)).findFirst();
    }

    /** True when both values mean the same thing to Railway. */
    public boolean same(Object a, Object b) {
        return SettingValue.same(this, a, b);
    }

    /** A canonical form of {@code value}; null stands for Railway's default (or no value). */
    public Object normalize(Object value) {
        return SettingValue.normalize(this, value);
    }
}
