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
 * classpath (registered for the native image with {@code quarkus.native.resources.includes}).
 */
public final class OperationDocuments {

    /** Where the documents live on the classpath. */
    public static final String DIRECTORY = "graphql/";

    private final Map<Operation, String> texts;

    private OperationDocuments(Map<Operation, String> texts) {
        this.texts = texts;
    }

    /** Loads all documents; fails naming every missing one, so a broken build fails at start. */
    public static OperationDocuments load(ClassLoader loader) {
        Map<Operation, String> texts = new EnumMap<>(Operation.class);
        List<String> missing = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            String path = resourcePath(operation);
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    missing.add(path);
                } else {
                    texts.put(operation, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + path, unreadable);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("GraphQL documents missing from the classpath: " + missing);
        }
        return new OperationDocuments(texts);
    }

    public static String resourcePath(Operation operation) {
        return DIRECTORY + operation.documentName() + ".graphql";
    }

    public String text(Operation operation) {
        return texts.get(operation);
    }
}
