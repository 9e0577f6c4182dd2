package dev.switchman.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the PostgreSQL server programs are: the newest {@code /usr/lib/postgresql/<n>/bin} Debian
 * installs (not on the PATH), else the PATH.
 */
record PostgresBinaries(Path initdb, Path pgCtl, Path createdb) {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    static PostgresBinaries find() {
        return fromDebianLayout()
                .or(() -> inDirectory(onPath("initdb").map(Path::getParent).orElse(null)))
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL server programs (initdb, pg_ctl) not found in " + DEBIAN_ROOT
                                + "/<version>/bin or on the PATH; install the postgresql package"
                                + " or set DATABASE_URL"));
    }

    private static Optional<PostgresBinaries> fromDebianLayout() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(p -> Double.parseDouble(p.getFileName().toString())))
                    .flatMap(p -> inDirectory(p.resolve("bin")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<PostgresBinaries> inDirectory(Path bin) {
        if (bin == null) {
            return Optional.empty();
        }
        PostgresBinaries binaries = new PostgresBinaries(
                bin.resolve("initdb"), bin.resolve("pg_ctl"), bin.resolve("createdb"));
        return Stream.of(binaries.initdb, binaries.pgCtl, binaries.createdb).allMatch(Files::isExecutable)
                ? Optional.of(binaries)
                : Optional.empty();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
