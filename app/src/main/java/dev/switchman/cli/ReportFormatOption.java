package dev.switchman.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o/--format text|json|yaml|github|markdown}, for validate and plan: {@code github} prints
 * workflow annotations at file:line, {@code markdown} a pull-request comment body.
 */
final class ReportFormatOption {

    @Option(names = {"-o", "--output", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormat.Report.class, completionCandidates = OutputFormat.Report.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). github: workflow"
                    + " annotations at file:line; markdown: a pull-request comment body. Shapes in docs/cli.md.")
    OutputFormat format = OutputFormat.TEXT;
}
