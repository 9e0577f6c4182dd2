package dev.switchman.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of the operation a GraphQL document runs, for the fault knobs that pick one. */
final class OperationNames {

    private static final Pattern NAMED = Pattern.compile("\\b(?:query|mutation)\\s+(\\w+)");

    private OperationNames() {
    }

    static String of(String query, String operationName) {
        if (operationName != null && !operationName.isBlank()) {
            return operationName;
        }
        Matcher named = query == null ? null : NAMED.matcher(query);
        return named != null && named.find() ? named.group(1) : null;
    }
}
