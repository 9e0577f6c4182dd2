package dev.switchman.desired;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds and reads the YAML files of a desired-state tree, with limits on count and size, skipping
 * hidden directories and symbolic links that lead out of the tree.
 */
final class SourceTree {

    static final int MAX_FILES = 1000;
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** A file's bytes; {@code path} is relative to the root, with {@code /} separators. */
    record SourceFile(String path, byte[] bytes) {
    }

    record Scan(List<SourceFile> files, List<Diagnostic> diagnostics) {
    }

    private SourceTree() {
    }

    static Scan scan(Path root) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            diagnostics.add(Diagnostic.error(new SourceLocation(root.toString(), 0, 0), "",
                    "the desired-state directory does not exist or is not a directory"));
            return new Scan(List.of(), diagnostics);
        }
        TreeMap<String, Path> found = new TreeMap<>();
        try {
            Path realRoot = root.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (!(name.endsWith(".yaml") || name.endsWith(".yml")) || name.startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = relative(root, file);
                    if (attrs.isSymbolicLink() && !insideRoot(realRoot, file)) {
                        diagnostics.add(Diagnostic.warning(new SourceLocation(relative, 0, 0), "",
                                "symbolic link leads outside the desired-state directory; skipped"));
                    } else if (attrs.isRegularFile() || Files.isRegularFile(file)) {
                        found.put(relative, file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    diagnostics.add(Diagnostic.error(new SourceLocation(relative(root, file), 0, 0), "",
                            "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(new SourceLocation(root.toString(), 0, 0), "",
                    "cannot list the desired-state directory: " + e.getMessage()));
        }
        if (found.size() > MAX_FILES) {
            diagnostics.add(Diagnostic.error(new SourceLocation(found.firstKey(), 0, 0), "", found.size()
                    + " YAML files below the desired-state directory; the limit is " + MAX_FILES));
            return new Scan(List.of(), diagnostics);
        }
        List<SourceFile> files = new ArrayList<>();
        found.forEach((relative, file) -> read(relative, file, diagnostics).ifPresent(files::add));
        return new Scan(files, diagnostics);
    }

    private static Optional<SourceFile> read(String relative, Path file, List<Diagnostic> diagnostics) {
        SourceLocation at = new SourceLocation(relative, 0, 0);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                diagnostics.add(Diagnostic.error(at, "", "file is " + size + " bytes; the limit is "
                        + MAX_FILE_BYTES + " (1 MiB)"));
                return Optional.empty();
            }
            return Optional.of(new SourceFile(relative, Files.readAllBytes(file)));
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(at, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static boolean insideRoot(Path realRoot, Path file) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
