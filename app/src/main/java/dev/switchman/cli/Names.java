package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.shape.DidYouMean;
import java.util.Collection;
import java.util.List;

/**
 * Finds what a person named on the command line (an environment, a service, a database) and, when
 * it is not there, says what is, with the closest name first.
 */
final class Names {

    private Names() {
    }

    /** The environment {@code reference} ({@code NAME} or {@code PROJECT/NAME}) names; throws with the fix when none. */
    static DesiredEnvironment environment(DesiredState state, String reference) {
        return state.environment(reference).orElseThrow(() -> new IllegalArgumentException(missingEnvironment(
                state.environments(), reference)));
    }

    static String missingEnvironment(List<DesiredEnvironment> declared, String reference) {
        return missingEnvironment(reference, declared.stream().map(DesiredEnvironment::qualifiedName).toList());
    }

    /** Why {@code reference} names none of {@code qualified} ({@code project/name} each), with the closest. */
    static String missingEnvironment(String reference, List<String> qualified) {
        List<String> sameName = qualified.stream().filter(q -> bare(q).equals(reference)).toList();
        if (sameName.size() > 1) {
            return "several projects declare environment '" + reference + "': name one of " + String.join(", ", sameName);
        }
        // A bare name is compared with bare names, and suggested as every project's environment of that name.
        List<String> candidates = reference.contains("/") ? qualified
                : qualified.stream().map(Names::bare).distinct().toList();
        String hint = DidYouMean.suggest(reference, candidates).map(best -> "; did you mean " + String.join(" or ",
                qualified.stream().filter(q -> q.equals(best) || bare(q).equals(best)).map(q -> "'" + q + "'")
                        .toList()) + "?").orElse("");
        return "environment '" + reference + "' is not declared" + hint + declared(qualified);
    }

    private static String bare(String qualified) {
        return qualified.substring(qualified.indexOf('/') + 1);
    }

    /** {@code kind 'name' is not declared in place; did you mean ...? declared: ...}. */
    static String missing(String kind, String name, String place, Collection<String> declared) {
        return kind + " '" + name + "' is not declared in " + place
                + DidYouMean.suggest(name, declared).map(best -> "; did you mean '" + best + "'?").orElse("")
                + declared(declared);
    }

    private static String declared(Collection<String> names) {
        return " (declared: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
    }
}
