package dev.switchman.backup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code pg_dump} and {@code pg_restore} are: the newest {@code /usr/lib/postgresql/<n>/bin}
 * (Debian's postgresql-client, so the dump tool is at least as new as the servers it can reach),
 * else the PATH.
 */
public record PostgresClientTools(Path pgDump, Path pgRestore) {

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    public static PostgresClientTools find() {
        return fromDebianLayout()
                .or(() -> onPath("pg_dump").map(Path::getParent).flatMap(PostgresClientTools::inDirectory))
                .orElseThrow(() -> new IllegalStateException("pg_dump and pg_restore not found in " + DEBIAN_ROOT
                        + "/<version>/bin or on the PATH; install Debian's postgresql-client"));
    }

    private static Optional<PostgresClientTools> fromDebianLayout() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .sorted(Comparator.comparingDouble((Path p) -> Double.parseDouble(p.getFileName().toString()))
                            .reversed())
                    .map(p -> inDirectory(p.resolve("bin")))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<PostgresClientTools> inDirectory(Path bin) {
        PostgresClientTools tools = new PostgresClientTools(bin.resolve("pg_dump"), bin.resolve("pg_restore"));
        return Files.isExecutable(tools.pgDump) && Files.isExecutable(tools.pgRestore)
                ? Optional.of(tools) : Optional.empty();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty()
                : Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                        .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }
}
