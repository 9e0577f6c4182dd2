package dev.switchman.cli;

import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayClient;
import dev.switchman.railway.StandaloneRailwayConfig;
import java.time.Duration;

/** The Railway client of commands that run without the daemon: its settings, and a short patience. */
final class RailwayAccess {

    /**
     * A person waits at the terminal: three attempts within seconds, not the daemon's ten minutes, so
     * a wrong RAILWAY_API_URL is reported before anyone wonders whether the command hangs.
     */
    private static final StandaloneRailwayConfig.StandaloneRetry PATIENCE = new StandaloneRailwayConfig.StandaloneRetry(
            3, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(15));

    private RailwayAccess() {
    }

    /** RAILWAY_API_URL, RAILWAY_TOKEN and RAILWAY_API_TOKEN from {@code settings}, as the daemon reads them. */
    static RailwayApi client(CliSettings settings) {
        StandaloneRailwayConfig read = StandaloneRailwayConfig.fromEnvironment(settings.environment());
        return RailwayClient.standalone(new StandaloneRailwayConfig(read.apiUrl(), read.token(), read.apiToken(),
                read.requestsPerHour(), read.requestsPerSecond(), PATIENCE));
    }
}
