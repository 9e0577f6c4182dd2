package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchman.plan.Change;
import dev.switchman.plan.PlanNote;
import dev.switchman.plan.PlanRenderer;
import dev.switchman.redaction.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints the plans of {@code switchman plan} as text (Terraform's form, with a summary table for
 * several environments), JSON or YAML, or GitHub workflow annotations. Text passes through each
 * environment's redactor: plans never hold secret values, and a message quoting one still cannot leak it.
 */
final class PlanReports {

    private PlanReports() {
    }

    static String text(EnvironmentPlan result, Style style) {
        if (result.failed()) {
            return style.red(result.name() + ": no plan: " + result.error()) + "\n";
        }
        return PlanRenderer.text(result.plan()).lines().map(line -> paint(line, style) + "\n")
                .collect(Collectors.joining());
    }

    /** The summary table {@code plan --all} ends with. */
    static String summary(List<EnvironmentPlan> results, Style style) {
        TextTable table = new TextTable("ENVIRONMENT", "ADD", "CHANGE", "DESTROY", "STATUS");
        for (EnvironmentPlan r : results) {
            String status = r.status();
            String painted = switch (status) {
                case "in sync" -> style.green(status);
                case "changes" -> style.yellow(status);
                default -> style.red(status);
            };
            table.row(r.name(), count(r, p -> p.plan().toAdd()), count(r, p -> p.plan().toChange()),
                    count(r, p -> p.plan().toDestroy()), painted);
        }
        return table.render() + String.format("%d environment(s): %d with changes, %d blocked, %d failed.%n",
                results.size(), results.stream().filter(EnvironmentPlan::hasChanges).count(),
                results.stream().filter(EnvironmentPlan::blocked).count(),
                results.stream().filter(EnvironmentPlan::failed).count());
    }

    /** One environment's plan (the planner's own JSON), or several with a summary. */
    static JsonNode json(List<EnvironmentPlan> results, boolean several, String provenance) {
        if (!several && !results.get(0).failed()) {
            return PlanRenderer.jsonTree(results.get(0).plan());
        }
        ObjectNode root = Documents.object().put("provenance", provenance);
        var environments = root.putArray("environments");
        results.forEach(r -> {
            ObjectNode entry = environments.addObject().put("environment", r.name()).put("status", r.status());
            if (r.failed()) {
                entry.put("error", r.error());
            } else {
                entry.set("plan", PlanRenderer.jsonTree(r.plan()));
            }
        });
        root.putObject("summary").put("environments", results.size())
                .put("withChanges", results.stream().filter(EnvironmentPlan::hasChanges).count())
                .put("blocked", results.stream().filter(EnvironmentPlan::blocked).count())
                .put("failed", results.stream().filter(EnvironmentPlan::failed).count());
        return root;
    }

    /** Blockers as errors and destructive changes as warnings at their file and line, and a notice per environment. */
    static void github(List<EnvironmentPlan> results, Path dir, Function<EnvironmentPlan, Redactor> redactors, PrintWriter out) {
        for (EnvironmentPlan r : results) {
            String title = "switchman plan " + r.name();
            if (r.failed()) {
                out.println(GithubAnnotations.of(GithubAnnotations.Level.ERROR, r.environment().source(), title, r.error()));
                continue;
            }
            Redactor redactor = redactors.apply(r);
            for (PlanNote blocker : r.plan().blockers()) {
                out.println(GithubAnnotations.of(GithubAnnotations.Level.ERROR, PlanLocations.of(r.environment(),
                        blocker.address(), dir), title, redactor.redact(blocker.toString())));
            }
            for (Change change : r.destructive()) {
                out.println(GithubAnnotations.of(GithubAnnotations.Level.WARNING, PlanLocations.of(r.environment(),
                        change.address(), dir), title, "destroys " + change.address()));
            }
            out.println(GithubAnnotations.of(GithubAnnotations.Level.NOTICE, null, title, String.format(
                    "%s: %d to add, %d to change, %d to destroy", r.status(), r.plan().toAdd(), r.plan().toChange(),
                    r.plan().toDestroy())));
        }
    }

    private static String count(EnvironmentPlan r, Function<EnvironmentPlan, Long> count) {
        return r.failed() ? "-" : String.valueOf(count.apply(r));
    }

    /** Terraform's colours: additions green, changes yellow, removals and blockers red. */
    private static String paint(String line, Style style) {
        if (line.startsWith("  + ")) {
            return style.green(line);
        }
        if (line.startsWith("  ~ ")) {
            return style.yellow(line);
        }
        if (line.startsWith("  - ") || line.startsWith("Blockers")) {
            return style.red(line);
        }
        return line.startsWith("Plan: ") ? style.bold(line) : line;
    }
}
