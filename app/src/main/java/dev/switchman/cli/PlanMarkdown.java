package dev.switchman.cli;

import dev.switchman.plan.PlanRenderer;
import dev.switchman.redaction.Redactor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code plan --format markdown}: a pull-request comment body, like Atlantis or Terraform Cloud
 * post: a summary table, destructive changes called out above everything else, then each
 * environment's plan folded, as a diff. Secrets never appear (the planner prints none, and each
 * environment's secret values are redacted from the text on top).
 */
final class PlanMarkdown {

    private PlanMarkdown() {
    }

    /** @param provenance the revision the desired state was read at (each plan names its environment's own) */
    static String render(List<EnvironmentPlan> results, String provenance, Function<EnvironmentPlan, Redactor> redactors) {
        long changed = results.stream().filter(EnvironmentPlan::hasChanges).count();
        StringBuilder md = new StringBuilder("### Switchman plan\n\n")
                .append(results.size()).append(" environment(s), ").append(changed).append(" with changes")
                .append(provenance == null ? "" : ", desired state read at " + Markdown.code(provenance)).append(".\n\n")
                .append("| Environment | Add | Change | Destroy | Status |\n|---|---:|---:|---:|---|\n");
        for (EnvironmentPlan r : results) {
            md.append("| ").append(Markdown.code(r.name())).append(" | ")
                    .append(r.failed() ? "- | - | - | " : r.plan().toAdd() + " | " + r.plan().toChange() + " | "
                            + r.plan().toDestroy() + " | ")
                    .append(icon(r)).append(' ').append(r.status()).append(" |\n");
        }
        List<EnvironmentPlan> destructive = results.stream().filter(r -> !r.destructive().isEmpty()).toList();
        if (!destructive.isEmpty()) {
            md.append("\n> [!CAUTION]\n> **Destructive changes**: these delete something in Railway.\n");
            destructive.forEach(r -> r.destructive().forEach(c -> md.append("> - ").append(Markdown.code(r.name()))
                    .append(": ").append(Markdown.code("- " + c.address())).append('\n')));
        }
        for (EnvironmentPlan r : results) {
            md.append("\n<details").append(r.blocked() || !r.destructive().isEmpty() ? " open" : "")
                    .append("><summary>").append(Markdown.cell(r.name())).append(": ").append(r.status())
                    .append("</summary>\n\n");
            Redactor redactor = redactors.apply(r);
            md.append(r.failed() ? Markdown.cell(redactor.redact(r.error())) + "\n"
                    : Markdown.fenced("diff", asDiff(redactor.redact(PlanRenderer.text(r.plan())))));
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    private static String icon(EnvironmentPlan r) {
        return switch (r.status()) {
            case "in sync" -> "✅";
            case "changes" -> r.destructive().isEmpty() ? "📝" : "⚠️";
            default -> "❌";
        };
    }

    /** GitHub colours {@code +} and {@code -} lines in a diff block, and {@code !} ones as changed. */
    private static String asDiff(String text) {
        return text.lines().map(line -> line.startsWith("  ~ ") ? "! " + line.substring(4)
                : line.startsWith("  + ") || line.startsWith("  - ") ? line.substring(2) : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
