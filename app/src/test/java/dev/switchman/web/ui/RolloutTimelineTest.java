package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.web.RolloutView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTimelineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** web degraded: two failed rounds, then rolled back to d-1 with d-3, which passed two rounds. */
    private static final String ROLLED_BACK = """
            [{"service": "api", "deploymentId": "d-9", "status": "SUCCESS", "stage": "VERIFIED", "rollback": "none",
              "rounds": [], "settledAt": "2026-03-02T10:00:04Z"},
             {"service": "web", "deploymentId": "d-2", "status": "SUCCESS", "stage": "FAILED",
              "reason": "check health failed 2 time(s) in a row: HTTP 503", "rollback": "done", "rollbackTarget": "d-1",
              "rollbackDeploymentId": "d-3", "rollbackStage": "VERIFIED",
              "rounds": [{"at": "2026-03-02T10:00:10Z", "passed": false, "check": "health", "reason": "HTTP 503"},
                         {"at": "2026-03-02T10:00:20Z", "passed": false, "check": "health", "reason": "HTTP 503"}],
              "settledAt": "2026-03-02T10:00:20Z",
              "rollbackRounds": [{"at": "2026-03-02T10:00:30Z", "passed": true},
                                 {"at": "2026-03-02T10:00:40Z", "passed": true}],
              "rollbackSettledAt": "2026-03-02T10:00:40Z"}]""";

    private static RolloutView rollout(String state, String services) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(services);
        return new RolloutView(7, "sha256:abc", "sha256:tree", state, "Failed", "web: check health failed", tree, null,
                T0, T0.plusSeconds(40));
    }

    @Test
    void aFailedVerdictAndItsRollbackAreDrawnRoundByRoundInTimeOrder() throws Exception {
        Timeline timeline = RolloutTimeline.draw(rollout("RolledBack", ROLLED_BACK), T0.plusSeconds(600));

        assertThat(timeline.lanes()).extracting(Timeline.Lane::service).containsExactly("api", "web");
        Timeline.Lane web = timeline.lanes().get(1);
        assertThat(web.spans()).extracting(Timeline.Span::css)
                .containsExactly("phase-deploy", "phase-verify", "phase-rollback");
        assertThat(web.marks()).extracting(Timeline.Mark::css).containsExactly("round round-fail", "round round-fail",
                "verdict verdict-fail", "round round-pass rollback-round", "round round-pass rollback-round",
                "verdict verdict-pass rollback-verdict");
        assertThat(web.marks()).extracting(Timeline.Mark::x).isSorted();
        assertThat(web.marks().get(0).title()).isEqualTo("round 1 at 10:00:10 UTC: check health failed: HTTP 503");
        assertThat(web.marks().get(5).x()).isEqualTo(RolloutTimeline.WIDTH - 14);
        assertThat(web.summary()).isEqualTo("2 round(s): 0 passed, 2 failed; failed: check health failed 2 time(s) in"
                + " a row: HTTP 503; rollback to d-1 (done, deployment d-3 verified)");
        Timeline.Lane api = timeline.lanes().get(0);
        assertThat(api.marks()).extracting(Timeline.Mark::css).containsExactly("verdict verdict-pass");
        assertThat(api.spans().get(0).width()).isLessThan(web.spans().get(0).width());
        assertThat(timeline.ticks()).extracting(Timeline.Tick::label).containsExactly("10:00:00", "10:00:40");
    }

    @Test
    void aRolloutStillGoingEndsNowWithoutAVerdict() throws Exception {
        String going = """
                [{"service": "web", "deploymentId": "d-2", "status": "SUCCESS", "stage": "VERIFYING", "rollback": "none",
                  "rounds": [{"at": "2026-03-02T10:00:10Z", "passed": true}]}]""";

        Timeline timeline = RolloutTimeline.draw(rollout("InProgress", going), T0.plusSeconds(20));

        Timeline.Lane web = timeline.lanes().get(0);
        assertThat(web.marks()).extracting(Timeline.Mark::css).containsExactly("round round-pass");
        assertThat(web.marks().get(0).x()).isBetween(430, 445);
        assertThat(timeline.ticks().get(1).label()).isEqualTo("10:00:20 (now)");
        assertThat(web.summary()).isEqualTo("1 round(s): 1 passed, 0 failed; verifying");
        assertThat(RolloutService.of(rollout("InProgress", "[]").services())).isEqualTo(List.of());
    }
}
