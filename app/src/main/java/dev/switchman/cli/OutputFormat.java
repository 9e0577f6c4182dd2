package dev.switchman.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** How a command prints: for people ({@code text}), for programs ({@code json}, {@code yaml}), for CI ({@code github}, {@code markdown}). */
enum OutputFormat {
    TEXT, JSON, YAML, GITHUB, MARKDOWN;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean structured() {
        return this == JSON || this == YAML;
    }

    /** The formats of commands that print data: text, json, yaml. */
    static final class Data extends Among {
        Data() {
            super(TEXT, JSON, YAML);
        }
    }

    /** The formats of validate and plan, which CI runs: text, json, yaml, github, markdown. */
    static final class Report extends Among {
        Report() {
            super(values());
        }
    }

    /** Parses a format among a command's own, and lists them for completion and help. */
    abstract static class Among implements CommandLine.ITypeConverter<OutputFormat>, Iterable<String> {
        private final List<OutputFormat> allowed;

        Among(OutputFormat... allowed) {
            this.allowed = List.of(allowed);
        }

        @Override
        public OutputFormat convert(String value) {
            return allowed.stream().filter(f -> f.label().equalsIgnoreCase(value)).findFirst().orElseThrow(() ->
                    new CommandLine.TypeConversionException("'" + value + "' is not one of " + String.join(", ", this)));
        }

        @Override
        public Iterator<String> iterator() {
            return allowed.stream().map(OutputFormat::label).iterator();
        }
    }
}
