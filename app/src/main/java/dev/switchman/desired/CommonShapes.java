package dev.switchman.desired;

import static dev.switchman.desired.shape.Shapes.bool;
import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.format;
import static dev.switchman.desired.shape.Shapes.literal;
import static dev.switchman.desired.shape.Shapes.map;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.oneOf;
import static dev.switchman.desired.shape.Shapes.oneOfValues;
import static dev.switchman.desired.shape.Shapes.pattern;
import static dev.switchman.desired.shape.Shapes.strictObject;

import dev.switchman.desired.shape.Shape;
import java.util.Optional;
import java.util.Set;

/** Names, durations, cron expressions, secret references and variables, shared by the other shapes. */
final class CommonShapes {

    static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]*";
    static final String VARIABLE_PATTERN = "[A-Za-z_][A-Za-z0-9_]*";

    static final Shape.StringShape NAME = pattern("name", NAME_PATTERN,
            "use lowercase letters, digits and -, starting with a letter or digit");
    static final Shape.StringShape SERVICE_NAME = pattern("service name", "[A-Za-z0-9][A-Za-z0-9._-]*",
            "use letters, digits, '.', '_' and '-', starting with a letter or digit");
    static final Shape.StringShape VARIABLE_NAME = pattern("variable name", VARIABLE_PATTERN,
            "use letters, digits and _, not starting with a digit");
    static final Shape.StringShape SECRET_NAME = pattern("secret name", VARIABLE_PATTERN,
            "use letters, digits and _, not starting with a digit");
    static final Shape.StringShape URL_PATH = pattern("path", "/.*", "start it with /");

    static final Shape DURATION = named("duration", format("a duration such as 30s or 5m", new Shape.Format() {
        @Override
        public String schemaPattern() {
            return Durations.SCHEMA_PATTERN;
        }

        @Override
        public Optional<String> problem(String value) {
            return Durations.problem(value);
        }
    }));

    static final Shape CRON = named("cron", format("a five-field cron expression", new Shape.Format() {
        @Override
        public String schemaPattern() {
            return "^\\s*\\S+(\\s+\\S+){4}\\s*$";
        }

        @Override
        public Optional<String> problem(String value) {
            return CronExpression.problem(value);
        }
    }));

    static final Shape SECRET_REF = named("secretRef", strictObject("{ secretRef: NAME }", Set.of("secretRef"),
            field("secretRef", SECRET_NAME, "name of a secret in the daemon's environment or secrets directory")));

    static final Shape VARIABLES = map("a mapping of variable names to values", VARIABLE_NAME,
            named("variableValue", oneOf("a string, number, boolean or { secretRef: NAME }",
                    literal("a string, number or boolean"), SECRET_REF)));

    static final Shape POLICY = named("policy", object("a policy",
            field("drift", oneOfValues("selfHeal", "reportOnly"), "revert changes made outside Switchman, or only"
                    + " report them (default selfHeal)"),
            field("prune", bool(), "delete what Switchman created once it leaves the YAML (default false)"),
            field("rollback", oneOfValues("automatic", "manual", "off"), "what a failed rollout does"
                    + " (default automatic)"),
            field("interval", DURATION, "how often to look for drift (default 60s)"),
            field("suspend", bool(), "stop acting on this environment (default false)")));

    private CommonShapes() {
    }
}
