package dev.switchman.secrets;

import dev.switchman.desired.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a secret from a file named like it in a secrets directory (its trailing newline
 * trimmed), else from the process environment.
 */
public final class EnvironmentSecrets implements Secrets {

    /** Secret names as the desired-state language allows them; nothing else reaches the filesystem. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Path directory;
    private final Map<String, String> environment;

    /**
     * @param directory a mounted secrets directory, or null for none
     * @param environment the process environment ({@code System.getenv()}), or a map in tests
     */
    public EnvironmentSecrets(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
    }

    /** The daemon's own: {@code System.getenv()} and, when given, a secrets directory. */
    public static EnvironmentSecrets fromProcess(Path directory) {
        return new EnvironmentSecrets(directory, System.getenv());
    }

    @Override
    public Optional<String> lookup(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return fromDirectory(name).or(() -> Optional.ofNullable(environment.get(name)));
    }

    private Optional<String> fromDirectory(String name) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(trimTrailingNewline(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String trimTrailingNewline(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }
}
