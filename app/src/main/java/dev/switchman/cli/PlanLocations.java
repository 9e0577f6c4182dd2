package dev.switchman.cli;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.diagnostic.SourceLocation;
import java.nio.file.Path;

/** Where in the YAML a planned change or a blocker comes from, for annotations on a pull request's files. */
final class PlanLocations {

    private PlanLocations() {
    }

    /**
     * @param address a change's or note's address: {@code service.web.deploy.numReplicas},
     *     {@code variable.web.API_KEY}, {@code shared.LOG_LEVEL}
     * @param dir the desired-state directory as the user named it, so the file reads from the working directory
     */
    static SourceLocation of(DesiredEnvironment environment, String address, Path dir) {
        SourceLocation at = environment.sources().locate(sourcePath(address));
        if (at.line() <= 0) {
            at = environment.source();
        }
        if (at == null || at.file().startsWith("<")) {
            return at;
        }
        return new SourceLocation(dir.resolve(at.file()).normalize().toString(), at.line(), at.column());
    }

    /** The change's path in the environment's own terms ({@code services.web.variables.API_KEY}). */
    static String sourcePath(String address) {
        if (address.startsWith("service.")) {
            return "services." + address.substring("service.".length());
        }
        if (address.startsWith("variable.")) {
            String rest = address.substring("variable.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? "services." + rest : "services." + rest.substring(0, dot) + ".variables." + rest.substring(dot + 1);
        }
        if (address.startsWith("shared.")) {
            return "sharedVariables." + address.substring("shared.".length());
        }
        return "";
    }
}
