package dev.switchman.desired;

import java.util.List;

/**
 * How Railway builds a repository source. Null fields are not managed.
 *
 * @param builder RAILPACK, NIXPACKS, DOCKERFILE, HEROKU or PAKETO
 */
public record BuildSpec(String builder, String buildCommand, String dockerfilePath, List<String> watchPatterns) {

    public static final BuildSpec NONE = new BuildSpec(null, null, null, null);

    public BuildSpec {
        watchPatterns = watchPatterns == null ? null : List.copyOf(watchPatterns);
    }
}
