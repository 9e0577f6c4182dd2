package dev.switchman.web.ui;

import dev.switchman.web.BackupsResource;
import dev.switchman.web.EventView;
import dev.switchman.web.MigrationsResource;
import dev.switchman.web.QuarantineView;
import dev.switchman.web.RolloutView;
import java.time.Instant;
import java.util.List;

/**
 * One environment in full, as its page shows it. Everything here is what the status API shows of it (the
 * detail, history, migrations and backups), arranged for reading.
 *
 * @param reconciledRevision the revision the last run acted on, null before the first
 * @param lastAppliedRevision the revision Railway was last brought to, null before the first apply
 * @param lastTrigger why the last run on this replica started, null on a standby
 * @param diagnostics errors of a newer desired state that concern it (the last valid revision is in force)
 * @param drift field paths that differ from what was last applied, never values
 * @param rollout the newest rollout, null before the first; {@code timeline} draws it
 */
public record EnvironmentPage(Instant rendered, EnvironmentRow row, String reconciledRevision,
        String lastAppliedRevision, String lastTrigger, QuarantineView quarantine, List<String> diagnostics,
        List<String> drift, int pendingChanges, List<ServiceLine> services, RolloutView rollout, Timeline timeline,
        List<RunLine> runs, List<EventView> events, List<MigrationsResource.DatabaseMigrationsView> migrations,
        List<BackupsResource.DatabaseBackupsView> backups) {

    /**
     * A declared service: what the YAML asks for beside the deployment Switchman last followed for it.
     *
     * @param desired the image, or repository and branch, the revision in force names
     * @param deployment the deployment that serves as far as Switchman followed it (the rollback's when one was
     *     made), null when no rollout recorded one
     * @param stage that deployment's stage ({@code VERIFIED} is the last-known-good), null without one
     * @param origin where that deployment comes from, e.g. {@code revision sha256:…} or {@code rolled back to d-1}
     * @param held {@code image or commit (deployment)} it is held on after a rollback, null when not held
     * @param owed why a deployment is owed (configured but not what runs), null when none is
     */
    public record ServiceLine(String name, String desired, String deployment, String status, String stage,
            String origin, String held, String owed) {

        public String css() {
            if (owed != null || held != null || "FAILED".equals(stage)) {
                return "state-not-ready";
            }
            return "VERIFIED".equals(stage) ? "state-ready" : stage == null ? "state-unknown" : "state-progressing";
        }
    }

    /** One reconcile run: {@code css} colours its result like the run strip does. */
    public record RunLine(long id, Instant startedAt, String trigger, String result, String css, Long durationMillis,
            String reason, String error) {
    }

    public String eventCss(EventView event) {
        return "Warning".equals(event.type()) ? "event-warning" : "event-normal";
    }

    /** The rollout's state coloured like an environment's: going, verified, failed, or replaced. */
    public String rolloutCss() {
        return switch (rollout == null ? "" : rollout.state()) {
            case "InProgress" -> Headline.State.PROGRESSING.css();
            case "Succeeded" -> Headline.State.READY.css();
            case "Failed", "RolledBack" -> Headline.State.STALLED.css();
            default -> Headline.State.UNKNOWN.css();
        };
    }

    /** {@code applied} green, a failure red, anything unfinished amber. */
    public String migrationCss(String result) {
        return switch (result) {
            case "applied" -> "strip-ok";
            case "failed", "dry_run_failed" -> "strip-bad";
            default -> "strip-warn";
        };
    }

    /** {@code completed} green, {@code partial} and {@code running} amber, a failure red, deleted grey. */
    public String backupCss(String status) {
        return switch (status) {
            case "completed" -> "strip-ok";
            case "partial", "running" -> "strip-warn";
            case "deleted" -> "strip-none";
            default -> "strip-bad";
        };
    }
}
