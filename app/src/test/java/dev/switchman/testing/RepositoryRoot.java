package dev.switchman.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's root folder, for tests that read what lives there rather than in this module: the examples
 * in {@code desired-state/}, {@code docs/}, {@code schema/}, {@code deploy/}, {@code Dockerfile.native}, the
 * other module. Surefire and failsafe run a module's tests in the module's folder, so a relative path still
 * names the module's own files ({@code src/test/resources}, {@code target/}); this is the nearest folder above
 * it that holds {@code mvnw}.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The root, absolute. */
    public static Path path() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw at or above " + start);
    }

    /** A file or folder of the repository, from its path relative to the root. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }

    /** The Maven modules (the folders beside the root pom that hold a pom.xml of their own), sorted. */
    public static List<Path> modules() {
        try (Stream<Path> children = Files.list(path())) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
