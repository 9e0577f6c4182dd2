package dev.switchman.cli;

import dev.switchman.desired.diagnostic.Diagnostic;

/** {@code validate --format markdown}: the result as a pull-request comment, every problem in a table. */
final class ValidationMarkdown {

    private ValidationMarkdown() {
    }

    static String render(ValidateCommand.Report report) {
        StringBuilder md = new StringBuilder("### Switchman validate\n\n");
        md.append(report.valid() ? "✅ " : "❌ ").append(Markdown.cell(report.summary())).append("\n");
        if (report.diagnostics().isEmpty()) {
            return md.toString();
        }
        md.append("\n| | Where | Path | Problem |\n|---|---|---|---|\n");
        for (Diagnostic d : report.diagnostics()) {
            md.append("| ").append(d.severity() == Diagnostic.Severity.ERROR ? "❌ error" : "⚠️ warning")
                    .append(" | ").append(Markdown.code(d.location().toString()))
                    .append(" | ").append(d.path().isEmpty() ? "" : Markdown.code(d.path()))
                    .append(" | ").append(Markdown.cell(d.message())).append(" |\n");
        }
        return md.toString();
    }
}
