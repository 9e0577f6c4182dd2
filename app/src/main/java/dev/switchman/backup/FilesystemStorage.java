package dev.switchman.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory: each object written as a hidden {@code .partial} file, forced to disk, then renamed
 * into place atomically, and the directory itself forced so the rename survives a power cut.
 */
public final class FilesystemStorage implements BackupStorage {

    private static final String PARTIAL = ".partial";

    private final Path directory;

    public FilesystemStorage(Path directory) {
        this.directory = directory;
    }

    @Override
    public void put(String key, Path file) {
        write(key, partial -> Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public void putText(String key, String text) {
        write(key, partial -> Files.writeString(partial, text, StandardCharsets.UTF_8));
    }

    @Override
    public void get(String key, Path target) {
        try {
            Files.copy(directory.resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BackupException("cannot read " + key + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getText(String key) {
        try {
            return Files.readString(directory.resolve(key), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupException("cannot read " + key + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(directory.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> keys() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    private interface Writer {
        void write(Path partial) throws IOException;
    }

    private void write(String key, Writer writer) {
        Path partial = directory.resolve("." + key + PARTIAL);
        try {
            Files.createDirectories(directory);
            writer.write(partial);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException notSupported) {
                // some filesystems cannot sync a directory; the rename is still atomic
            }
        } catch (IOException e) {
            throw new BackupException("cannot write " + key + " to " + directory + ": " + e.getMessage(), e);
        }
    }
}
