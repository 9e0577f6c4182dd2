package dev.switchman.cli;

import picocli.CommandLine.Option;

/** {@code -o text|json|yaml}, for every command that prints data (the JSON shapes: docs/cli.md). */
final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormat.Data.class, completionCandidates = OutputFormat.Data.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); shapes in docs/cli.md.")
    OutputFormat format = OutputFormat.TEXT;
}
