package dev.switchman.desired;

import dev.switchman.desired.yaml.YamlNode;
import dev.switchman.desired.yaml.YamlNode.ListNode;
import dev.switchman.desired.yaml.YamlNode.MapNode;
import dev.switchman.desired.yaml.YamlNode.ScalarNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of one environment's desired state: a digest of what it declares once its project's
 * defaults are merged in (keys sorted, comments and line numbers ignored), the project and Railway ids
 * it is bound to, and the content of every file it refers to (its databases' migration folders). A change
 * elsewhere in the tree leaves it as it is; a changed SQL file of its own changes it.
 */
public final class EnvironmentFingerprint {

    private static final int HEX_DIGITS = 16;

    private EnvironmentFingerprint() {
    }

    /** {@code sha256:} and 16 hex digits. */
    static String of(Documents.ProjectDocument project, Documents.EnvironmentDocument environment, MapNode merged,
            DesiredEnvironment bound, Path root) {
        MessageDigest digest = sha256();
        field(digest, "project", project.name());
        field(digest, "railwayProjectId", project.railwayProjectId());
        field(digest, "environment", environment.name());
        field(digest, "railwayEnvironmentId", environment.railwayEnvironmentId());
        StringBuilder spec = new StringBuilder();
        canonical(merged, spec);
        field(digest, "spec", spec.toString());
        bound.databases().values().stream()
                .map(DatabaseSpec::migrations)
                .filter(m -> m != null && m.path() != null)
                .map(DatabaseSpec.MigrationSpec::path).distinct().sorted()
                .forEach(path -> folder(digest, root, path));
        return render(digest);
    }

    /**
     * For an environment built without its YAML (tests, fixtures): a digest of the record itself, which
     * changes whenever anything it declares changes.
     */
    public static String ofRecord(DesiredEnvironment environment) {
        MessageDigest digest = sha256();
        field(digest, "record", new DesiredEnvironment(environment.project(), environment.name(),
                environment.railwayEnvironmentId(), environment.services(), environment.sharedVariables(),
                environment.databases(), environment.policy(), null, SourceMap.EMPTY,
                environment.notifications()).toString());
        return render(digest);
    }

    private static void canonical(YamlNode node, StringBuilder out) {
        switch (node) {
            case MapNode map -> {
                out.append('{');
                map.entries().stream().sorted(Comparator.comparing(YamlNode.Entry::key)).forEach(entry -> {
                    text(entry.key(), out);
                    out.append(':');
                    canonical(entry.value(), out);
                    out.append(',');
                });
                out.append('}');
            }
            case ListNode list -> {
                out.append('[');
                list.items().forEach(item -> {
                    canonical(item, out);
                    out.append(',');
                });
                out.append(']');
            }
            case ScalarNode scalar -> {
                out.append(scalar.type().name().charAt(0));
                text(scalar.text(), out);
            }
        }
    }

    /** Length-prefixed, so that no two different texts read alike once joined. */
    private static void text(String value, StringBuilder out) {
        out.append(value.length()).append('"').append(value);
    }

    private static void folder(MessageDigest digest, Path root, String relative) {
        Path folder = root.resolve(relative).normalize();
        field(digest, "folder", relative);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> regular = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
            for (Path file : regular) {
                field(digest, "file", folder.relativize(file).toString().replace('\\', '/'));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migrations folder " + relative, e);
        }
    }

    private static void field(MessageDigest digest, String name, String value) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (value != null) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        }
        digest.update((byte) 0);
    }

    private static String render(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, HEX_DIGITS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
