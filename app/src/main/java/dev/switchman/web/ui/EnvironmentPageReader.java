package dev.switchman.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.settings.Setting;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentStatusRepository;
import dev.switchman.web.BackupsResource;
import dev.switchman.web.EnvironmentDetail;
import dev.switchman.web.EnvironmentHistory;
import dev.switchman.web.EnvironmentViews;
import dev.switchman.web.HoldView;
import dev.switchman.web.MigrationsResource;
import dev.switchman.web.RolloutView;
import dev.switchman.web.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads one environment's page through the status API's own views, so the page and the API never disagree. */
@ApplicationScoped
public class EnvironmentPageReader {

    private static final int HISTORY = 25;

    private final EnvironmentViews views;
    private final EnvironmentStatusRepository statuses;
    private final EnvironmentControlRepository controls;
    private final RunHistory runHistory;
    private final RowReader rows;
    private final MigrationsResource migrations;
    private final BackupsResource backups;

    public EnvironmentPageReader(EnvironmentViews views, EnvironmentStatusRepository statuses,
            EnvironmentControlRepository controls, RunHistory runHistory, RowReader rows, MigrationsResource migrations,
            BackupsResource backups) {
        this.views = views;
        this.statuses = statuses;
        this.controls = controls;
        this.runHistory = runHistory;
        this.rows = rows;
        this.migrations = migrations;
        this.backups = backups;
    }

    EnvironmentPage read(DesiredState state, DesiredEnvironment environment, Instant now) {
        String name = environment.qualifiedName();
        EnvironmentDetail detail = views.detail(state, environment);
        EnvironmentHistory history = views.history(environment, HISTORY);
        EnvironmentRow row = rows.row(state, environment,
                statuses.find(environment.project(), environment.name()).orElse(null),
                controls.find(environment.project(), environment.name()).orElse(null),
                detail.heldServices().stream().map(HoldView::service).toList(),
                detail.quarantine() == null ? null : detail.quarantine().revision(),
                runHistory.strips(List.of(name), now).getOrDefault(name, Map.of()), now);
        RolloutView rollout = detail.lastRollout();
        return new EnvironmentPage(now, row, detail.reconciledRevision(), detail.lastAppliedRevision(),
                detail.schedule() == null ? null : detail.schedule().lastTrigger(), detail.quarantine(),
                detail.diagnostics(), detail.drift(), detail.pendingChanges(),
                services(environment, detail, history.rollouts()), rollout,
                rollout == null ? null : RolloutTimeline.draw(rollout, now),
                history.runs().stream().map(EnvironmentPageReader::run).toList(), history.events(),
                migrations.list(name), backups.list(name));
    }

    private static List<EnvironmentPage.ServiceLine> services(DesiredEnvironment environment, EnvironmentDetail detail,
            List<RolloutView> rollouts) {
        return environment.services().values().stream().map(spec -> {
            HoldView hold = detail.heldServices().stream().filter(h -> h.service().equals(spec.name())).findFirst()
                    .orElse(null);
            String held = hold == null ? null : (hold.image() != null ? hold.image() : "commit " + hold.commitSha())
                    + " (" + hold.deploymentId() + ")";
            String owed = detail.undeployed().get(spec.name());
            for (RolloutView rollout : rollouts) {
                for (RolloutService service : RolloutService.of(rollout.services())) {
                    if (service.service().equals(spec.name())) {
                        return followed(spec, rollout, service, held, owed);
                    }
                }
            }
            return new EnvironmentPage.ServiceLine(spec.name(), desired(spec), null, null, null, null, held, owed);
        }).toList();
    }

    private static EnvironmentPage.ServiceLine followed(ServiceSpec spec, RolloutView rollout, RolloutService service,
            String held, String owed) {
        if (service.rolledBack()) {
            return new EnvironmentPage.ServiceLine(spec.name(), desired(spec), service.rollbackDeploymentId(), null,
                    service.rollbackStage(), "rolled back to " + service.rollbackTarget() + " after revision "
                            + PageFormats.shortRevision(rollout.revision()) + " failed", held, owed);
        }
        return new EnvironmentPage.ServiceLine(spec.name(), desired(spec), service.deploymentId(), service.status(),
                service.stage(), "revision " + PageFormats.shortRevision(rollout.revision()), held, owed);
    }

    static String desired(ServiceSpec spec) {
        String image = spec.settings().text(Setting.SOURCE_IMAGE);
        String repo = spec.settings().text(Setting.SOURCE_REPO);
        if (image == null && repo == null) {
            return "no source declared";
        }
        String branch = spec.settings().text(Setting.SOURCE_BRANCH);
        return image != null ? image : repo + (branch == null ? "" : " @ " + branch);
    }

    private static EnvironmentPage.RunLine run(RunView run) {
        JsonNode summary = run.summary();
        Long millis = summary == null || !summary.path("durationMillis").isNumber() ? null
                : summary.path("durationMillis").asLong();
        String reason = summary == null ? null : summary.path("reason").textValue();
        String css = run.result() == null ? "strip-none" : switch (run.result()) {
            case "Converged" -> "strip-ok";
            case "Stalled" -> "strip-bad";
            default -> "strip-warn";
        };
        return new EnvironmentPage.RunLine(run.id(), run.startedAt(), run.trigger(),
                run.result() == null ? "running" : run.result(), css, millis, reason, run.error());
    }
}
