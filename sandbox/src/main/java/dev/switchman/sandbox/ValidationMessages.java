package dev.switchman.sandbox;

import graphql.validation.ValidationError;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation messages into the graphql-js wording Railway's server sends,
 * which clients match on (e.g. {@code Cannot query field "X" on type "Y".}).
 */
final class ValidationMessages {

    private record Rule(Pattern pattern, Function<Matcher, String> message) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("Field '([^']+)' in type '([^']+)' is undefined"),
                    m -> "Cannot query field \"" + m.group(1) + "\" on type \"" + m.group(2) + "\"."),
            new Rule(Pattern.compile("Subselection required for type '([^']+)' of field '([^']+)'"),
                    m -> "Field \"" + m.group(2) + "\" of type \"" + m.group(1) + "\" must have a selection of subfields. Did you mean \""
                            + m.group(2) + " { ... }\"?"),
            new Rule(Pattern.compile("Subselection not allowed on leaf type '([^']+)' of field '([^']+)'"),
                    m -> "Field \"" + m.group(2) + "\" must not have a selection since type \"" + m.group(1) + "\" has no subfields."),
            new Rule(Pattern.compile("contains a field not in '([^']+)': '([^']+)'"),
                    m -> "Field \"" + m.group(2) + "\" is not defined by type \"" + m.group(1) + "\"."),
            new Rule(Pattern.compile("Unknown field argument '([^']+)'"),
                    m -> "Unknown argument \"" + m.group(1) + "\"."),
            new Rule(Pattern.compile("Missing field argument '([^']+)'"),
                    m -> "Argument \"" + m.group(1) + "\" of required type was not provided."));

    private ValidationMessages() {
    }

    static String railwayStyle(ValidationError error) {
        String message = error.getDescription() == null ? error.getMessage() : error.getDescription();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(message);
            if (m.find()) {
                return rule.message().apply(m);
            }
        }
        int colon = message.indexOf(" : ");
        return colon >= 0 ? message.substring(colon + 3) : message;
    }
}
