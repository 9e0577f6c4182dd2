package dev.switchman.web.ui;

import dev.switchman.web.RolloutView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Places a rollout on a time axis from its start to its last step (or now, while it goes): per service the
 * deploy phase until the first verification round, the rounds, the verdict at the last round, then the
 * rollback's deployment and its own rounds. Pure: the page draws what it returns.
 */
final class RolloutTimeline {

    static final int WIDTH = 760;
    private static final int LABELS = 130;
    private static final int RIGHT = 14;
    private static final int LANE = 40;
    private static final int TOP = 24;
    private static final int BAR = 12;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Instant start;
    private final double nanosPerPixel;

    private RolloutTimeline(Instant start, Instant end) {
        this.start = start;
        long span = Math.max(Duration.between(start, end).toNanos(), Duration.ofSeconds(1).toNanos());
        this.nanosPerPixel = span / (double) (WIDTH - LABELS - RIGHT);
    }

    static Timeline draw(RolloutView rollout, Instant now) {
        Instant end = "InProgress".equals(rollout.state()) ? now : rollout.updatedAt();
        RolloutTimeline axis = new RolloutTimeline(rollout.startedAt(), end.isAfter(rollout.startedAt()) ? end
                : rollout.startedAt());
        List<RolloutService> services = RolloutService.of(rollout.services());
        List<Timeline.Lane> lanes = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            lanes.add(axis.lane(services.get(i), TOP + i * LANE + LANE / 2, end));
        }
        int height = TOP + services.size() * LANE + 22;
        int ticksY = height - 6;
        List<Timeline.Tick> ticks = List.of(new Timeline.Tick(LABELS, ticksY, "start", CLOCK.format(rollout.startedAt())),
                new Timeline.Tick(WIDTH - RIGHT, ticksY, "end", CLOCK.format(end)
                        + ("InProgress".equals(rollout.state()) ? " (now)" : "")));
        return new Timeline(WIDTH, height, lanes, ticks, "rollout " + rollout.id() + " of revision " + rollout.revision()
                + ": " + rollout.state() + (rollout.verdict() == null ? "" : ", verdict " + rollout.verdict()));
    }

    private Timeline.Lane lane(RolloutService service, int y, Instant end) {
        List<Timeline.Span> spans = new ArrayList<>();
        List<Timeline.Mark> marks = new ArrayList<>();
        List<RolloutService.Round> rounds = service.rounds();
        Instant firstRound = rounds.isEmpty() ? null : rounds.get(0).at();
        Instant verdict = verdictAt(service, end);
        Instant deployEnd = firstRound != null ? firstRound : verdict != null ? verdict : end;
        spans.add(span(start, deployEnd, y, "phase-deploy", "deploying " + service.deploymentId()
                + (service.status() == null ? "" : " (Railway: " + service.status() + ")")));
        if (firstRound != null) {
            spans.add(span(firstRound, verdict != null ? verdict : end, y, "phase-verify",
                    "verifying " + service.deploymentId() + ": " + rounds.size() + " round(s)"));
        }
        rounds(marks, rounds, y, "");
        if (verdict != null) {
            boolean verified = "VERIFIED".equals(service.stage());
            marks.add(diamond(verdict, y, verified ? "verdict verdict-pass" : "verdict verdict-fail", verified
                    ? "verified: " + service.deploymentId() + " is last-known-good"
                    : "failed: " + service.reason()));
        }
        if (service.rollbackDeploymentId() != null) {
            List<RolloutService.Round> back = service.rollbackRounds();
            Instant backStart = verdict != null ? verdict : back.isEmpty() ? end : back.get(0).at();
            boolean settled = "VERIFIED".equals(service.rollbackStage()) || "FAILED".equals(service.rollbackStage());
            Instant backEnd = !settled ? end : service.rollbackSettledAt() != null ? service.rollbackSettledAt()
                    : back.isEmpty() ? end : back.get(back.size() - 1).at();
            spans.add(span(backStart, backEnd, y, "phase-rollback", "rollback to " + service.rollbackTarget()
                    + ": deployment " + service.rollbackDeploymentId()));
            rounds(marks, back, y, " rollback-round");
            if (settled) {
                boolean good = "VERIFIED".equals(service.rollbackStage());
                marks.add(diamond(backEnd, y, good ? "verdict verdict-pass rollback-verdict"
                        : "verdict verdict-fail rollback-verdict", good ? "rolled back: " + service.rollbackDeploymentId()
                        + " verified" : "rollback failed: " + service.rollbackReason()));
            }
        }
        return new Timeline.Lane(service.service(), y, y + 4, spans, marks, summary(service));
    }

    /**
     * When the deployment was judged; in a row written before that was kept, at the last round, or for a Railway
     * failure (no rounds) at the rollback's first round or the end.
     */
    private static Instant verdictAt(RolloutService service, Instant end) {
        if (!"VERIFIED".equals(service.stage()) && !"FAILED".equals(service.stage())) {
            return null;
        }
        if (service.settledAt() != null) {
            return service.settledAt();
        }
        if (!service.rounds().isEmpty()) {
            return service.rounds().get(service.rounds().size() - 1).at();
        }
        return service.rollbackRounds().isEmpty() ? end : service.rollbackRounds().get(0).at();
    }

    private void rounds(List<Timeline.Mark> marks, List<RolloutService.Round> rounds, int y, String extraCss) {
        for (int i = 0; i < rounds.size(); i++) {
            RolloutService.Round round = rounds.get(i);
            String what = round.passed() ? "passed" : "check " + round.check() + " failed: " + round.reason();
            marks.add(new Timeline.Mark(x(round.at()), y, false, null,
                    (round.passed() ? "round round-pass" : "round round-fail") + extraCss,
                    "round " + (i + 1) + " at " + CLOCK.format(round.at()) + " UTC: " + what));
        }
    }

    private Timeline.Span span(Instant from, Instant to, int y, String css, String title) {
        int x = x(from);
        return new Timeline.Span(x, y - BAR / 2, Math.max(2, x(to) - x), BAR, css, title);
    }

    private Timeline.Mark diamond(Instant at, int y, String css, String title) {
        int x = x(at);
        String points = x + "," + (y - 9) + " " + (x + 9) + "," + y + " " + x + "," + (y + 9) + " " + (x - 9) + "," + y;
        return new Timeline.Mark(x, y, true, points, css, title);
    }

    private int x(Instant at) {
        long offset = Math.max(0, Duration.between(start, at).toNanos());
        return Math.min(WIDTH - RIGHT, LABELS + (int) Math.round(offset / nanosPerPixel));
    }

    static String summary(RolloutService service) {
        long passed = service.rounds().stream().filter(RolloutService.Round::passed).count();
        String text = service.rounds().size() + " round(s): " + passed + " passed, "
                + (service.rounds().size() - passed) + " failed";
        text += switch (String.valueOf(service.stage())) {
            case "VERIFIED" -> "; verified";
            case "FAILED" -> "; failed: " + service.reason();
            default -> "; " + String.valueOf(service.stage()).toLowerCase(Locale.ROOT);
        };
        if (service.rollbackDeploymentId() != null) {
            text += "; rollback to " + service.rollbackTarget() + " (" + service.rollback() + ", deployment "
                    + service.rollbackDeploymentId() + " " + String.valueOf(service.rollbackStage()).toLowerCase(Locale.ROOT)
                    + ")";
        } else if (!"none".equals(service.rollback())) {
            text += "; rollback " + service.rollback();
        }
        return text;
    }
}
