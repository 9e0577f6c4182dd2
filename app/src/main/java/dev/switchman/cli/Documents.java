package dev.switchman.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Prints a command's data as JSON or YAML: one tree, two spellings, so the shapes cannot drift apart. */
final class Documents {

    static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code document} as {@code format} (json or yaml), ending with a newline. */
    static void print(PrintWriter out, OutputFormat format, JsonNode document) {
        out.print(format == OutputFormat.YAML ? yaml(document) : json(document) + System.lineSeparator());
        out.flush();
    }

    static String json(JsonNode document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yaml(JsonNode document) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(JSON.convertValue(document, Object.class));
    }
}
