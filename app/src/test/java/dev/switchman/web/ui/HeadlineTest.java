package dev.switchman.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static EnvironmentStatus status(String result, boolean ready, boolean reconciling, boolean stalled,
            String reason, String readyReason) {
        return new EnvironmentStatus("shop", "production", List.of(
                new EnvironmentCondition("Ready", ready ? "True" : "False", readyReason, "ready says", T0),
                new EnvironmentCondition("Reconciling", reconciling ? "True" : "False", reason, "reconciling says", T0),
                new EnvironmentCondition("Stalled", stalled ? "True" : "False", reason, "stalled says", T0)),
                "rev", "rev", 1L, result, List.of(), 0, false, T0);
    }

    @Test
    void eachConditionReadsAsTheWordAPersonExpectsWithItsColour() {
        assertThat(Headline.of(status("Converged", true, false, false, "Converged", "Converged"), null, List.of()))
                .isEqualTo(new Headline(Headline.State.READY, "Converged", "ready says"));
        assertThat(Headline.of(status("Progressing", false, true, false, "RolloutInProgress", "RolloutInProgress"),
                null, List.of()).state()).isEqualTo(Headline.State.PROGRESSING);
        assertThat(Headline.of(status("Retry", false, true, false, "RailwayUnavailable", "RailwayUnavailable"), null,
                List.of()).state()).isEqualTo(Headline.State.NOT_READY);
        assertThat(Headline.of(status("Converged", false, false, false, "DriftDetected", "DriftDetected"), null,
                List.of())).isEqualTo(new Headline(Headline.State.NOT_READY, "DriftDetected", "ready says"));
        assertThat(Headline.of(status("Stalled", false, false, true, "RevisionQuarantined", "RevisionQuarantined"),
                null, List.of())).isEqualTo(new Headline(Headline.State.STALLED, "RevisionQuarantined", "stalled says"));
        assertThat(Headline.State.STALLED.css()).isEqualTo("state-stalled");
        assertThat(Headline.State.NOT_READY.css()).isEqualTo("state-not-ready");
    }

    @Test
    void anInvalidDesiredStateComesBeforeASuspensionWhichComesBeforeTheLastRun() {
        EnvironmentStatus stalled = status("Stalled", false, false, true, "Suspended", "Suspended");
        Headline invalid = Headline.of(stalled, "by the API", List.of("shop/production.yaml:11:9: error: x"));
        assertThat(invalid.state()).isEqualTo(Headline.State.INVALID);
        assertThat(invalid.message()).contains("shop/production.yaml:11:9", "last valid revision stays in force");
        assertThat(Headline.of(status("Converged", false, false, false, "", "DesiredStateInvalid"), null, List.of())
                .state()).isEqualTo(Headline.State.INVALID);
        assertThat(Headline.of(stalled, "by the API (maintenance)", List.of()))
                .isEqualTo(new Headline(Headline.State.SUSPENDED, "Suspended",
                        "suspended by the API (maintenance): still read and reported, nothing is applied"));
        assertThat(Headline.of(null, null, List.of()).state()).isEqualTo(Headline.State.UNKNOWN);
    }
}
