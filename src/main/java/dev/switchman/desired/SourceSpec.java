package dev.switchman.desired;

/**
 * Where a service's code comes from: an image, or a repository with branch and root directory.
 * Null fields are not managed.
 */
public record SourceSpec(String image, String repo, String branch, String rootDirectory) {

    public static final SourceSpec NONE = new SourceSpec(null, null, null, null);
}
