package dev.switchman.desired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cheap and exact fingerprints of a desired-state tree, over every file below it (YAML and the files it refers
 * to, such as migration scripts; hidden directories such as {@code .git} skipped, as the loader skips them).
 * The {@link #stamp} (names, sizes and modification times) tells whether anything may have changed without
 * reading a file; the {@link #of content revision} names the content, valid or not, and says where a state
 * came from. What an environment is keyed on is its own {@link EnvironmentFingerprint}.
 */
public final class TreeRevision {

    private TreeRevision() {
    }

    public static String stamp(Path root) {
        StringBuilder text = new StringBuilder();
        files(root).forEach((relative, file) -> text.append(relative).append('\0').append(file.stamp()).append('\n'));
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code sha256:} and 12 hex digits over the sorted paths, sizes and contents: the same tree, the same revision. */
    public static String of(Path root) {
        MessageDigest digest = sha256();
        files(root).forEach((relative, file) -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file.path());
            } catch (IOException e) {
                bytes = ("unreadable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** A file below the root, with what its stamp is made of. */
    private record TreeFile(Path path, String stamp) {
    }

    private static Map<String, TreeFile> files(Path root) {
        Map<String, TreeFile> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile()) {
                        files.put(relative, new TreeFile(file, attributes.size() + "\0"
                                + attributes.lastModifiedTime().toInstant()));
                    } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        // mounted ConfigMaps and Secrets swap a link target: stamp the target, not the link
                        BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
                        files.put(relative, new TreeFile(file, target.size() + "\0"
                                + target.lastModifiedTime().toInstant() + "\0" + file.toRealPath()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
