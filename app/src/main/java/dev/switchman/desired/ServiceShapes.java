package dev.switchman.desired;

import static dev.switchman.desired.CommonShapes.DURATION;
import static dev.switchman.desired.CommonShapes.URL_PATH;
import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.integer;
import static dev.switchman.desired.shape.Shapes.list;
import static dev.switchman.desired.shape.Shapes.literal;
import static dev.switchman.desired.shape.Shapes.map;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.pattern;
import static dev.switchman.desired.shape.Shapes.string;

import dev.switchman.desired.shape.Shape;
import java.util.Set;

/**
 * The shape of a service: its Railway settings ({@link SettingShapes}, from the setting catalog), variables and
 * verification.
 */
final class ServiceShapes {

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
            SettingShapes.field("source"),
            SettingShapes.field("build"),
            SettingShapes.field("deploy"),
            field("variables", CommonShapes.VARIABLES, "the service's variables"),
            field("requiredVariables", list(CommonShapes.VARIABLE_NAME), "must be declared in this environment"),
            field("dependsOn", list(CommonShapes.SERVICE_NAME), "services rolled out and verified first"),
            SettingShapes.field("volume"),
            field("verify", VERIFY, "checks after each deployment")));

    static final Shape SERVICES = map("a mapping of service names to services", CommonShapes.SERVICE_NAME, SERVICE);

    private ServiceShapes() {
    }
}
