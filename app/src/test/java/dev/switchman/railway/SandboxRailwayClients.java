package dev.switchman.railway;

import dev.switchman.sandbox.RailwaySandbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the real {@link RailwayClient} without CDI for tests against a sandbox: on the sandbox's
 * virtual clock, so every wait of the client (budget, Retry-After, backoff) moves sandbox time
 * instead of sleeping.
 */
public final class SandboxRailwayClients {

    private SandboxRailwayClients() {
    }

    public static RailwayApi create(RailwaySandbox sandbox, GraphqlTransport transport, String accountToken,
            MeterRegistry registry) {
        return create(sandbox, transport, Optional.empty(), Optional.of(accountToken), registry);
    }

    /** A client sending the project token in {@code Project-Access-Token}. */
    public static RailwayApi withProjectToken(RailwaySandbox sandbox, GraphqlTransport transport, String projectToken,
            MeterRegistry registry) {
        return create(sandbox, transport, Optional.of(projectToken), Optional.empty(), registry);
    }

    /** An account-token client whose budget {@code status} watches, as the daemon's loop does. */
    public static RailwayApi create(RailwaySandbox sandbox, GraphqlTransport transport, String accountToken,
            MeterRegistry registry, RailwayStatus status) {
        return new RailwayClient(transport, config(Optional.empty(), Optional.of(accountToken), Duration.ofSeconds(120)),
                registry, clock(sandbox), () -> 0.5, status);
    }

    /** An account-token client that gives up on a write's answer after {@code mutationTimeout} (real time). */
    public static RailwayApi create(RailwaySandbox sandbox, GraphqlTransport transport, String accountToken,
            MeterRegistry registry, Duration mutationTimeout) {
        return create(sandbox, transport, Optional.empty(), Optional.of(accountToken), registry, mutationTimeout);
    }

    private static RailwayApi create(RailwaySandbox sandbox, GraphqlTransport transport, Optional<String> projectToken,
            Optional<String> apiToken, MeterRegistry registry) {
        return create(sandbox, transport, projectToken, apiToken, registry, Duration.ofSeconds(120));
    }

    private static RailwayApi create(RailwaySandbox sandbox, GraphqlTransport transport, Optional<String> projectToken,
            Optional<String> apiToken, MeterRegistry registry, Duration mutationTimeout) {
        return new RailwayClient(transport, config(projectToken, apiToken, mutationTimeout), registry, clock(sandbox),
                () -> 0.5);
    }

    private static StandaloneRailwayConfig config(Optional<String> projectToken, Optional<String> apiToken,
            Duration mutationTimeout) {
        return new StandaloneRailwayConfig(RailwayConfig.DEFAULT_API_URL, projectToken, apiToken, 1000, 10,
                new StandaloneRailwayConfig.StandaloneRetry(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofMinutes(10)), Duration.ofSeconds(30), mutationTimeout);
    }

    /** The sandbox's clock: every wait of the client (budget, Retry-After, backoff) moves sandbox time. */
    private static RailwayClock clock(RailwaySandbox sandbox) {
        return new RailwayClock() {
            @Override
            public Instant now() {
                return sandbox.clock().now();
            }

            @Override
            public void sleep(Duration duration) {
                if (duration.isPositive()) {
                    sandbox.advance(duration);
                }
            }
        };
    }
}
