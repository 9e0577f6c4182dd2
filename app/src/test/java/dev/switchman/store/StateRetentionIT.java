package dev.switchman.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** Pruning by age and by count, never what the status, a quarantine, a hold or last-known-good refers to. */
class StateRetentionIT {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant OLD = NOW.minus(Duration.ofDays(40));
    private static final StateRetention.Limits LIMITS = new StateRetention.Limits(Duration.ofDays(30), 3, 3, 2, 3);

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private PGSimpleDataSource dataSource;

    private RunRepository runs;
    private EventRepository events;
    private RolloutRepository rollouts;
    private NotificationRepository notifications;
    private StateRetention retention;

    @BeforeEach
    void emptyStore() {
        postgres.truncateStore();
        dataSource = postgres.store();
        runs = new RunRepository(dataSource);
        events = new EventRepository(dataSource);
        rollouts = new RolloutRepository(dataSource);
        notifications = new NotificationRepository(dataSource);
        retention = new StateRetention(dataSource);
    }

    @Test
    void runsBeyondTheCountOrTheAgeGoExceptTheOneTheStatusShows() {
        long shown = runs.start("shop", "production", "r0", "interval", OLD);
        long oldOne = runs.start("shop", "production", "r0", "interval", OLD.plusSeconds(1));
        List<Long> recent = IntStream.range(0, 5)
                .mapToObj(i -> runs.start("shop", "production", "r1", "interval", NOW.minusSeconds(100 - i))).toList();
        long otherEnvironment = runs.start("shop", "staging", "r1", "interval", NOW.minusSeconds(5));
        statusShowing(shown);

        StateRetention.Pruned pruned = retention.prune(LIMITS, NOW);

        assertThat(pruned.runs()).isEqualTo(3); // the old one and the two beyond the newest three
        assertThat(runs.find(shown)).isPresent();
        assertThat(runs.find(oldOne)).isEmpty();
        assertThat(runs.recent("shop", "production", 10)).extracting(ReconcileRun::id)
                .containsExactly(recent.get(4), recent.get(3), recent.get(2), shown);
        assertThat(runs.find(otherEnvironment)).isPresent();
    }

    @Test
    void eventsOfAQuarantinedRevisionStayWhateverTheirAge() {
        long rollout = rollouts.start("shop", "production", "bad", "[]", OLD.minusSeconds(60));
        rollouts.update(rollout, "RolledBack", "Failed", "checks failed", "[]", OLD);
        rollouts.quarantine(new Quarantine("shop", "production", "bad", "checks failed", OLD, false, null));
        events.append(EnvironmentEvent.of("shop", "production", OLD.minusSeconds(3600), "Normal", "Converged", "before",
                null));
        events.append(EnvironmentEvent.of("shop", "production", OLD.minusSeconds(30), "Warning", "RolloutFailed", "why",
                null));
        events.append(EnvironmentEvent.of("shop", "staging", OLD, "Normal", "Converged", "elsewhere", null));

        StateRetention.Pruned pruned = retention.prune(LIMITS, NOW);

        assertThat(pruned.events()).isEqualTo(2);
        assertThat(events.recent("shop", "production", 10)).extracting(EnvironmentEvent::reason)
                .containsExactly("RolloutFailed");
        assertThat(rollouts.recent("shop", "production", 10)).extracting(RolloutRow::id).containsExactly(rollout);
    }

    @Test
    void rolloutsKeepTheNewestInProgressHeldAndLastKnownGoodOnes() {
        long madeGood = finishedRollout("v1", "dep-good", OLD);
        long superseded = finishedRollout("v2", "dep-gone", OLD.plusSeconds(10));
        long held = finishedRollout("v3", "dep-held", OLD.plusSeconds(20));
        long inProgress = rollouts.start("shop", "production", "v4", "[{\"deploymentId\":\"dep-4\"}]",
                OLD.plusSeconds(30));
        long beyondCount = finishedRollout("v5", "dep-5", NOW.minusSeconds(30));
        long newer = finishedRollout("v6", "dep-6", NOW.minusSeconds(20));
        long newest = finishedRollout("v7", "dep-7", NOW.minusSeconds(10));
        rollouts.markGood("shop", "production", "web", "dep-older-good", "v0", OLD.minusSeconds(100));
        rollouts.markGood("shop", "production", "web", "dep-good", "v1", OLD.plusSeconds(5));
        new HoldRepository(dataSource).hold(new Hold("shop", "production", "worker", "v3", "dep-held", "img:1", null,
                "rolled back", OLD.plusSeconds(25)));

        StateRetention.Pruned pruned = retention.prune(LIMITS, NOW);

        assertThat(rollouts.recent("shop", "production", 20)).extracting(RolloutRow::id)
                .containsExactly(newest, newer, inProgress, held, madeGood);
        assertThat(pruned.rollouts()).isEqualTo(2);
        assertThat(List.of(superseded, beyondCount)).doesNotContainAnyElementsOf(
                rollouts.recent("shop", "production", 20).stream().map(RolloutRow::id).toList());
    }

    @Test
    void notificationDeliveriesByAgeAndCountPerEnvironment() {
        for (int i = 0; i < 5; i++) {
            delivery("shop/production", NOW.minusSeconds(60 - i));
        }
        delivery("shop/production", OLD);
        delivery("shop/staging", OLD);
        delivery("shop/staging", NOW);

        StateRetention.Pruned pruned = retention.prune(LIMITS, NOW);

        assertThat(pruned.deliveries()).isEqualTo(4);
        assertThat(notifications.deliveries("shop/production", 10)).hasSize(3);
        assertThat(notifications.deliveries("shop/staging", 10)).extracting(NotificationDelivery::finishedAt)
                .containsExactly(NOW);
    }

    @Test
    void nothingToPruneIsNothingPruned() {
        runs.start("shop", "production", "r1", "interval", NOW);
        assertThat(retention.prune(LIMITS, NOW).total()).isZero();
    }

    private long finishedRollout(String revision, String deployment, Instant at) {
        long id = rollouts.start("shop", "production", revision, "[]", at);
        rollouts.update(id, "Succeeded", "Verified", null, "[{\"service\":\"web\",\"deploymentId\":\"" + deployment
                + "\"}]", at);
        return id;
    }

    private void statusShowing(long runId) {
        new EnvironmentStatusRepository(dataSource).save(new EnvironmentStatus("shop", "production",
                List.of(new EnvironmentCondition(EnvironmentCondition.READY, "True", "Converged", "", OLD)), "r0", "r0",
                runId, "Converged", List.of(), 0, false, OLD, null, Map.of(), List.of()));
    }

    private void delivery(String environment, Instant at) {
        notifications.logDelivery(new NotificationDelivery(environment, "", "rolloutFailed", "slack#0", "delivered", 1,
                200, null, List.of(), at));
    }
}
