package dev.switchman.desired;

import static dev.switchman.desired.CommonShapes.DURATION;
import static dev.switchman.desired.CommonShapes.URL_PATH;
import static dev.switchman.desired.shape.Shapes.bool;
import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.integer;
import static dev.switchman.desired.shape.Shapes.list;
import static dev.switchman.desired.shape.Shapes.literal;
import static dev.switchman.desired.shape.Shapes.map;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.oneOf;
import static dev.switchman.desired.shape.Shapes.oneOfValues;
import static dev.switchman.desired.shape.Shapes.pattern;
import static dev.switchman.desired.shape.Shapes.positiveNumber;
import static dev.switchman.desired.shape.Shapes.string;

import dev.switchman.desired.shape.Shape;
import java.util.Set;

/** The shape of a service: source, build, deploy, variables, volume and verification. */
final class ServiceShapes {

    private static final Shape SOURCE = object("a source",
            field("image", string("an image reference"), "a container image; exclusive with repo"),
            field("repo", pattern("repository", "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", "write owner/name, e.g."
                    + " acme/django-api"), "a GitHub repository, owner/name"),
            field("branch", string("a branch name"), "the branch Railway deploys (needs repo)"),
            field("rootDirectory", string("a directory"), "the directory of the repository to build (needs repo)"))
            .atMostOne("image", "repo");

    private static final Shape BUILD = object("a build",
            field("builder", oneOfValues("RAILPACK", "NIXPACKS", "DOCKERFILE", "HEROKU", "PAKETO"), null),
            field("buildCommand", string("a command"), null),
            field("dockerfilePath", string("a path"), null),
            field("watchPatterns", list(string("a glob pattern")), "changes outside these paths do not redeploy"));

    private static final Shape DEPLOY = object("deploy settings",
            field("startCommand", string("a command"), null),
            field("preDeployCommand", oneOf("a command or a list of commands", string("a command"),
                    list(string("a command"))), "runs in a separate container before the new version starts"),
            field("healthcheckPath", URL_PATH, "Railway waits for 200 here before switching traffic"),
            field("healthcheckTimeout", integer("seconds", 1, 3600), "seconds"),
            field("restartPolicyType", oneOfValues("ALWAYS", "NEVER", "ON_FAILURE"), null),
            field("restartPolicyMaxRetries", integer("retries", 0, 100), null),
            field("numReplicas", integer("replicas", 1, 50), null),
            field("region", string("a region"), "exclusive with multiRegionConfig"),
            field("multiRegionConfig", map("a mapping of regions to replicas", pattern("region", "[a-z0-9-]+",
                    "use a Railway region name such as us-west2"), object("region settings", Set.of("numReplicas"),
                            field("numReplicas", integer("replicas", 1, 50), null))), "replicas per region"),
            field("cronSchedule", CommonShapes.CRON, "run as a cron job on this schedule"),
            field("sleepApplication", bool(), "let Railway sleep the service when idle"),
            field("overlapSeconds", integer("seconds", 0, 3600), "old and new versions overlap this long"),
            field("drainingSeconds", integer("seconds", 0, 3600), "time between SIGTERM and SIGKILL"),
            field("limits", object("limits",
                    field("vCPUs", positiveNumber("vCPUs", 1024), null),
                    field("memoryGB", positiveNumber("GB", 4096), null)), "CPU and memory limits"))
            .atMostOne("region", "multiRegionConfig");

    private static final Shape JSON_EXPECTATION = object("a JSON expectation", Set.of("path"),
            field("each", string("a dotted path"), "check every member of this object or array"),
            field("where", map("a mapping of field names to values", string("a field name"),
                    literal("a string, number or boolean")), "only members with these field values"),
            field("path", string("a dotted path"), "the value to check (relative to each member with each)"),
            field("equals", literal("a string, number or boolean"), "the value must equal this"),
            field("oneOf", list(literal("a string, number or boolean")), "the value must be one of these"))
            .exactlyOne("equals", "oneOf");

    private static final Shape CHECK = object("a check", Set.of("path"),
            field("name", string("a name"), "defaults to the path"),
            field("path", URL_PATH, "requested with GET on the base URL"),
            field("expectStatus", list(integer("an HTTP status", 100, 599)), "default [200]"),
            field("maxLatency", DURATION, "slower answers fail the check"),
            field("json", list(JSON_EXPECTATION), "expectations on the JSON body"));

    private static final Shape VERIFY = object("verification",
            field("baseUrl", pattern("URL", "https?://\\S+", "write an http:// or https:// URL"),
                    "default: the service's Railway domain"),
            field("soak", DURATION, "how long checks keep running before the rollout counts as verified"
                    + " (default 60s)"),
            field("interval", DURATION, "time between two rounds of checks (default 10s)"),
            field("failureThreshold", integer("consecutive failures", 1, 100), "failed rounds in a row that fail"
                    + " the rollout (default 3)"),
            field("timeout", DURATION, "per-request timeout (default 5s)"),
            field("checks", list(CHECK), "the checks of one round"));

    private static final Shape SERVICE = named("service", object("a service",
            field("source", SOURCE, "where the code or image comes from"),
            field("build", BUILD, "how Railway builds a repository"),
            field("deploy", DEPLOY, "how Railway runs the service"),
            field("variables", CommonShapes.VARIABLES, "the service's variables"),
            field("requiredVariables", list(CommonShapes.VARIABLE_NAME), "must be declared in this environment"),
            field("dependsOn", list(CommonShapes.SERVICE_NAME), "services rolled out and verified first"),
            field("volume", object("a volume",
                    field("mountPath", URL_PATH, null),
                    field("backupSchedules", list(oneOfValues("DAILY", "WEEKLY", "MONTHLY")),
                            "Railway volume backups")), "the service's volume"),
            field("verify", VERIFY, "checks after each deployment")));

    static final Shape SERVICES = map("a mapping of service names to services", CommonShapes.SERVICE_NAME, SERVICE);

    private ServiceShapes() {
    }
}
