package dev.switchman.web.ui;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.source.DesiredStateStatus;
import dev.switchman.store.EnvironmentControl;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentStatus;
import dev.switchman.store.EnvironmentStatusRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the overview: the desired state in force, each environment's status, and the bulk records. */
@ApplicationScoped
public class OverviewReader {

    private final DesiredStateHolder holder;
    private final EnvironmentStatusRepository statuses;
    private final EnvironmentControlRepository controls;
    private final PageRecords records;
    private final RunHistory history;
    private final RowReader rows;
    private final BudgetView.Reader budget;

    public OverviewReader(DesiredStateHolder holder, EnvironmentStatusRepository statuses,
            EnvironmentControlRepository controls, PageRecords records, RunHistory history, RowReader rows,
            BudgetView.Reader budget) {
        this.holder = holder;
        this.statuses = statuses;
        this.controls = controls;
        this.records = records;
        this.history = history;
        this.rows = rows;
        this.budget = budget;
    }

    Overview read(Instant now) {
        DesiredStateStatus desired = holder.status();
        List<DesiredEnvironment> environments = desired.state().map(DesiredState::environments).orElse(List.of());
        Map<String, EnvironmentStatus> status = statuses.list().stream()
                .collect(Collectors.toMap(s -> s.project() + "/" + s.environment(), Function.identity()));
        Map<String, EnvironmentControl> control = controls.list().stream()
                .collect(Collectors.toMap(EnvironmentControl::qualifiedName, Function.identity()));
        Map<String, List<String>> held = records.heldServices();
        Map<String, String> quarantined = records.quarantinedRevisions();
        Map<String, Map<Instant, RunCounts>> runs = history.strips(
                environments.stream().map(DesiredEnvironment::qualifiedName).toList(), now);
        Map<String, List<EnvironmentRow>> byProject = new LinkedHashMap<>();
        for (DesiredEnvironment environment : environments) {
            String name = environment.qualifiedName();
            byProject.computeIfAbsent(environment.project(), p -> new ArrayList<>()).add(rows.row(
                    desired.state().orElseThrow(), environment, status.get(name), control.get(name),
                    held.getOrDefault(name, List.of()), quarantined.get(name), runs.getOrDefault(name, Map.of()), now));
        }
        List<Overview.ProjectGroup> projects = byProject.entrySet().stream()
                .map(e -> new Overview.ProjectGroup(e.getKey(), "project-" + e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Overview(now, desiredView(desired, now), budget.now(), projects, counts(projects));
    }

    private static Overview.DesiredView desiredView(DesiredStateStatus desired, Instant now) {
        List<String> errors = desired.latestValid() ? List.of() : desired.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).sorted(Diagnostic.ORDER)
                .map(Diagnostic::render).toList();
        return new Overview.DesiredView(desired.state().map(DesiredState::revision).orElse(null),
                desired.latestValid() || !desired.loadAttempted(), errors, desired.latestLoadedAt());
    }

    private static List<Overview.StateCount> counts(List<Overview.ProjectGroup> projects) {
        Map<Headline.State, Long> byState = projects.stream().flatMap(p -> p.environments().stream())
                .collect(Collectors.groupingBy(r -> r.headline().state(), Collectors.counting()));
        return Arrays.stream(Headline.State.values()).filter(byState::containsKey)
                .map(s -> new Overview.StateCount(s, byState.get(s))).toList();
    }
}
