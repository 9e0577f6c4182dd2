package dev.switchman.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.railway.DeploymentEvent;
import dev.switchman.railway.Operation;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FailedStepsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A Railway that answers only {@code deploymentEvents}. */
    private static RailwayApi railway(Function<String, List<DeploymentEvent>> events) {
        return (RailwayApi) Proxy.newProxyInstance(RailwayApi.class.getClassLoader(), new Class<?>[] {RailwayApi.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("deploymentEvents")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return events.apply((String) args[0]);
                });
    }

    private static DeploymentEvent event(String step, int second, String error) {
        return new DeploymentEvent("e" + second, step, T0.plusSeconds(second), T0.plusSeconds(second + 1), error,
                null, null, null, null, 1000, null);
    }

    @Test
    void theLastStepWithAnErrorIsTheOneThatFailed() {
        FailedSteps steps = new FailedSteps(railway(id -> List.of(event("BUILD_IMAGE", 0, null),
                event("PRE_DEPLOY_COMMAND", 5, "exit 1"), event("DRAIN_INSTANCES", 9, ""))));

        assertThat(steps.of("d1")).hasValueSatisfying(step -> {
            assertThat(step.step()).isEqualTo("PRE_DEPLOY_COMMAND");
            assertThat(step.error()).isEqualTo("exit 1");
        });
    }

    @Test
    void noFailedStepOrARailwayErrorLeavesTheFailureUnexplained() {
        FailedSteps quiet = new FailedSteps(railway(id -> List.of(event("HEALTHCHECK", 0, null))));
        FailedSteps broken = new FailedSteps(railway(id -> {
            throw new RailwayException.Transient(Operation.DEPLOYMENT_EVENTS, "HTTP 503", false, null, null, null);
        }));

        assertThat(quiet.of("d1")).isEmpty();
        assertThat(broken.of("d1")).isEmpty();
    }
}
