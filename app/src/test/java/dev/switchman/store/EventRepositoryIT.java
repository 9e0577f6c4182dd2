package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @Inject
    EventRepository events;

    @Test
    void eventsOfOneEnvironmentComeBackNewestFirstWithTheirDetails() {
        long older = events.append(EnvironmentEvent.of("events-a", "production", T0, "Normal", "RolloutSucceeded",
                "web is live", "{\"service\": \"web\"}"));
        long newer = events.append(EnvironmentEvent.of("events-a", "production", T0.plusSeconds(1), "Warning",
                "RolloutFailed", "health check failed", null));
        events.append(EnvironmentEvent.of("events-a", "staging", T0.plusSeconds(2), "Normal", "Converged", "ok", null));

        assertThat(events.recent("events-a", "production", 10)).containsExactly(
                new EnvironmentEvent(newer, "events-a", "production", T0.plusSeconds(1), "Warning", "RolloutFailed",
                        "health check failed", null),
                new EnvironmentEvent(older, "events-a", "production", T0, "Normal", "RolloutSucceeded",
                        "web is live", "{\"service\": \"web\"}"));
    }
}
