package dev.switchman.desired;

import static dev.switchman.desired.shape.Shapes.field;
import static dev.switchman.desired.shape.Shapes.named;
import static dev.switchman.desired.shape.Shapes.object;
import static dev.switchman.desired.shape.Shapes.oneOfValues;
import static dev.switchman.desired.shape.Shapes.strictObject;
import static dev.switchman.desired.shape.Shapes.string;

import dev.switchman.desired.shape.SchemaGenerator;
import dev.switchman.desired.shape.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The desired-state language, defined once: the loader validates documents against it and the
 * JSON Schema for editors ({@code schema/switchman.schema.json}) is generated from it.
 */
public final class LanguageShape {

    public static final String API_VERSION = "switchman.dev/v1alpha1";
    /**
     * The schema's identifier: stable for as long as the language is {@link #API_VERSION}, whichever release
     * publishes it (docs/desired-state.md says where to fetch it).
     */
    public static final String SCHEMA_ID = "https://switchman.dev/schema/v1alpha1/switchman.schema.json";

    private static final Shape DEFAULTS = object("project defaults",
            field("sharedVariables", CommonShapes.VARIABLES, "shared variables of every environment"),
            field("services", ServiceShapes.SERVICES, "services of every environment"),
            field("databases", DatabaseShapes.DATABASES, "databases of every environment"),
            field("policy", CommonShapes.POLICY, "policy of every environment"),
            field("notifications", NotificationShapes.NOTIFICATIONS, "notification targets of every environment"));

    private static final Shape PROJECT_SPEC = object("a project spec",
            field("railwayProjectId", string("a Railway project id"), "the Railway project id; found by name"
                    + " when absent"),
            field("defaults", DEFAULTS, "merged under every environment of this project"));

    private static final Shape ENVIRONMENT_SPEC = named("environmentSpec", object("an environment spec",
            field("railwayEnvironmentId", string("a Railway environment id"), "the Railway environment id;"
                    + " found by name when absent"),
            field("sharedVariables", CommonShapes.VARIABLES, "shared variables (${{shared.NAME}} in Railway)"),
            field("services", ServiceShapes.SERVICES, "services by name; null removes an inherited one"),
            field("databases", DatabaseShapes.DATABASES, "databases by name; null removes an inherited one"),
            field("policy", CommonShapes.POLICY, "how Switchman acts on this environment"),
            field("notifications", NotificationShapes.NOTIFICATIONS, "where rollout, drift and health"
                    + " notifications go; a list replaces the inherited one")));

    private static final Shape DOCUMENT = new Shape.Discriminated(
            "a Switchman document (kind Project or Environment)", "kind", cases());

    private LanguageShape() {
    }

    /** The shape of one YAML document. */
    public static Shape document() {
        return DOCUMENT;
    }

    /** The shape of an Environment's {@code spec}, also once its project's defaults are merged in. */
    public static Shape environmentSpec() {
        return ENVIRONMENT_SPEC;
    }

    /** The JSON Schema committed as {@code schema/switchman.schema.json}. */
    public static String jsonSchema() {
        return SchemaGenerator.generate(SCHEMA_ID, "Switchman desired state (" + API_VERSION + ")", DOCUMENT);
    }

    private static Map<String, Shape> cases() {
        Map<String, Shape> cases = new LinkedHashMap<>();
        cases.put("Project", named("project", envelope("Project",
                strictObject("project metadata", Set.of("name"), field("name", CommonShapes.NAME,
                        "unique in the tree; also the Railway project's name unless railwayProjectId is set")),
                PROJECT_SPEC)));
        cases.put("Environment", named("environment", envelope("Environment",
                strictObject("environment metadata", Set.of("name", "project"),
                        field("name", CommonShapes.SERVICE_NAME, "the Railway environment's name"),
                        field("project", CommonShapes.NAME, "the name of a Project in the tree")),
                ENVIRONMENT_SPEC)));
        return cases;
    }

    private static Shape envelope(String kind, Shape metadata, Shape spec) {
        return strictObject("a " + kind + " document", Set.of("apiVersion", "kind", "metadata"),
                field("apiVersion", oneOfValues(API_VERSION), null),
                field("kind", oneOfValues(kind), null),
                field("metadata", metadata, null),
                field("spec", spec, null));
    }
}
