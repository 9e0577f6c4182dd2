package dev.switchman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchman.apply.RailwayTargets;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.Secrets;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.LastApplied;
import dev.switchman.plan.Planner;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Plans environments of one desired state: against a recorded response, or one read of Railway each, as the daemon does. */
final class Planning {

    private final DesiredState state;
    private final Secrets secrets;
    private final LastApplied lastApplied;
    private final Supplier<RailwayApi> connect;
    private RailwayApi railway;
    private RailwayTargets targets;

    Planning(DesiredState state, Secrets secrets, LastApplied lastApplied, Supplier<RailwayApi> railway) {
        this.state = state;
        this.secrets = secrets;
        this.lastApplied = lastApplied;
        this.connect = railway;
    }

    /** Against {@code observed}, a recorded response of the environment query. */
    EnvironmentPlan against(DesiredEnvironment environment, Path observed) {
        try {
            return plan(environment, RailwayEnvironmentParser.parse(new ObjectMapper().readTree(Files.readString(observed))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + observed + ": " + e.getMessage(), e);
        }
    }

    /**
     * Against one read of Railway. An environment Railway does not have is this environment's failure;
     * a token Railway refuses or an API it cannot reach fails them all, so it is thrown.
     */
    EnvironmentPlan fromRailway(DesiredEnvironment environment) {
        try {
            String environmentId = targets().environmentId(environment);
            return plan(environment, RailwayEnvironmentParser.parse(railway.environmentState(environmentId)));
        } catch (RailwayTargets.Unresolved | RailwayException.NotFound | RailwayException.Rejected missing) {
            return EnvironmentPlan.failed(environment, missing.getMessage());
        }
    }

    private EnvironmentPlan plan(DesiredEnvironment environment, ObservedEnvironment observed) {
        // The environment's own fingerprint, the revision the daemon plans and reports it at.
        return EnvironmentPlan.of(environment, Planner.plan(state.fingerprint(environment), environment, observed,
                lastApplied, secrets));
    }

    /** Connects on first use: a plan against recorded responses never builds a client. */
    private RailwayTargets targets() {
        if (targets == null) {
            railway = connect.get();
            targets = new RailwayTargets(railway, state::railwayProjectId);
        }
        return targets;
    }
}
