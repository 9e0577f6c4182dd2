package dev.switchman.reconcile;

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
 * Cheap and exact fingerprints of a desired-state tree. The {@link #stamp} (names, sizes and
 * modification times) tells whether anything may have changed without reading a file; the
 * {@link #contentRevision} names the content of the YAML files, for loads that produced no state.
 * Hidden directories ({@code .git}) are skipped, as the loader skips them.
 */
final class DesiredTreeFingerprint {

    private DesiredTreeFingerprint() {
    }

    static String stamp(Path root) {
        StringBuilder text = new StringBuilder();
        files(root).forEach((relative, file) -> text.append(relative).append('\0').append(file).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code sha256:} and 12 hex digits over the sorted paths, sizes and contents of the YAML files,
     * computed as the loader computes {@code DesiredState.revision()}, so a tree has one revision
     * whether or not it is valid.
     */
    static String contentRevision(Path root) {
        MessageDigest digest = newDigest();
        files(root).keySet().stream().filter(DesiredTreeFingerprint::isYaml).forEach(relative -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(root.resolve(relative));
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

    private static boolean isYaml(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
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
                        files.put(relative, attributes.size() + "\0" + attributes.lastModifiedTime().toInstant());
                    } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                        // mounted ConfigMaps and Secrets swap a link target: stamp the target, not the link
                        BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
                        files.put(relative, target.size() + "\0" + target.lastModifiedTime().toInstant()
                                + "\0" + file.toRealPath());
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

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
