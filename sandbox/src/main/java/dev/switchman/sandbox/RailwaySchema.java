package dev.switchman.sandbox;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads Switchman's subset of Railway's schema ({@code graphql/railway.graphqls} on the class path). */
public final class RailwaySchema {

    public static final String RESOURCE = "graphql/railway.graphqls";

    private RailwaySchema() {
    }

    public static String sdl() {
        try (InputStream in = RailwaySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TypeDefinitionRegistry typeRegistry() {
        return new SchemaParser().parse(sdl());
    }
}
