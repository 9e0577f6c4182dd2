package dev.switchman.desired.yaml;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.desired.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML documents of one file into {@link YamlNode} trees. Bounded by design: the text is
 * first streamed through the event parser (which is not recursive) to refuse deep nesting before
 * the recursive composer sees it; aliases to collections are limited by the composer, and the
 * conversion stops at a node budget, so an alias bomb costs little.
 */
public final class YamlReader {

    /** Deeper than any sensible desired state; the composer recurses once per level. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_NODES = 100_000;

    private YamlReader() {
    }

    /** Documents read, and problems found; documents are empty when any error was found. */
    public record Result(List<YamlDocument> documents, List<Diagnostic> diagnostics) {
    }

    public static Result read(String file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // reported by NodeConverter, with both lines
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(Math.max(text.length() + 1, 1024))
                .build();
        try {
            Optional<Diagnostic> tooDeep = checkDepth(file, new Parse(settings).parseString(text));
            if (tooDeep.isPresent()) {
                return new Result(List.of(), List.of(tooDeep.get()));
            }
            NodeConverter converter = new NodeConverter(file);
            List<YamlDocument> documents = new ArrayList<>();
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                YamlNode root = converter.convert(node);
                documents.add(new YamlDocument(file, documents.size(), root));
            }
            return converter.diagnostics().isEmpty()
                    ? new Result(documents, List.of())
                    : new Result(List.of(), converter.diagnostics());
        } catch (MarkedYamlEngineException e) {
            SourceLocation at = e.getProblemMark().or(e::getContextMark).map(m -> location(file, m))
                    .orElse(new SourceLocation(file, 1, 1));
            return failed(at, "invalid YAML: " + firstLine(e.getProblem()));
        } catch (RuntimeException e) {
            return failed(new SourceLocation(file, 1, 1), "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static Optional<Diagnostic> checkDepth(String file, Iterable<Event> events) {
        int depth = 0;
        for (Event event : events) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        SourceLocation at = event.getStartMark().map(m -> location(file, m))
                                .orElse(new SourceLocation(file, 1, 1));
                        return Optional.of(Diagnostic.error(at, "",
                                "nesting deeper than " + MAX_DEPTH + " levels; a desired state never needs that"));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static Result failed(SourceLocation at, String message) {
        return new Result(List.of(), List.of(Diagnostic.error(at, "", message)));
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable document";
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    static SourceLocation location(String file, Mark mark) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
