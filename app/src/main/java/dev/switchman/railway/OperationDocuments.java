package dev.switchman.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The text of every {@link Operation}, read once from {@code graphql/<name>.graphql} on the
 * classpath (registered for the native image with {@code quarkus.native.resources.includes}). A document that
 * spreads {@code ...EnvironmentFields} gets {@code graphql/EnvironmentFields.graphql} appended: the one place the
 * fields of an environment's state are listed, for a single read and a batched one alike; with it the
 * {@code ServiceInstanceSettings} fragment ({@link SettingFields}), the instance fields of the setting catalog.
 */
public final class OperationDocuments {

    /** Where the documents live on the classpath. */
    public static final String DIRECTORY = "graphql/";

    private static final String ENVIRONMENT_FIELDS = "EnvironmentFields";

    private final Map<Operation, String> texts;

    private OperationDocuments(Map<Operation, String> texts) {
        this.texts = texts;
    }

    /** Loads all documents; fails naming every missing one, so a broken build fails at start. */
    public static OperationDocuments load(ClassLoader loader) {
        Map<Operation, String> texts = new EnumMap<>(Operation.class);
        List<String> missing = new ArrayList<>();
        String fields = read(loader, DIRECTORY + ENVIRONMENT_FIELDS + ".graphql", missing) + "\n"
                + SettingFields.fragment();
        for (Operation operation : Operation.values()) {
            String text = read(loader, resourcePath(operation), missing);
            if (text != null) {
                texts.put(operation, text.contains("..." + ENVIRONMENT_FIELDS) ? text + "\n" + fields : text);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("GraphQL documents missing from the classpath: " + missing);
        }
        return new OperationDocuments(texts);
    }

    private static String read(ClassLoader loader, String path, List<String> missing) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                missing.add(path);
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + path, unreadable);
        }
    }

    public static String resourcePath(Operation operation) {
        return DIRECTORY + operation.documentName() + ".graphql";
    }

    public String text(Operation operation) {
        return texts.get(operation);
    }
}
