package dev.switchman.railway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * How the last Railway request ended, for readiness, and the client's request budget, for the loop: the client
 * records every attempt here. A bean of its own, so readers need not build the client.
 */
@ApplicationScoped
public class RailwayStatus {

    /**
     * One request's ending.
     *
     * @param outcome the {@code outcome} tag of {@code switchman_railway_requests_total}: {@code success},
     *     {@code transient}, {@code rate_limited}, {@code conflict}, {@code not_found}, {@code rejected},
     *     {@code unauthorized}
     */
    public record LastCall(String operation, String outcome, Instant at) {

        /** Railway answered (even with an error of ours, or "slow down"): it is not down. */
        public boolean reachable() {
            return !"transient".equals(outcome);
        }
    }

    private volatile LastCall last;
    private volatile ApiBudget budget;

    /** The client's request budget, so that the loop can see its waits and its size. */
    void watch(ApiBudget clientBudget) {
        this.budget = clientBudget;
    }

    /** The request budget of the client that reports here, empty before it is built. */
    public Optional<ApiBudget> budget() {
        return Optional.ofNullable(budget);
    }

    public void record(String operation, String outcome, Instant at) {
        last = new LastCall(operation, outcome, at);
    }

    /** Empty until the first request. */
    public Optional<LastCall> last() {
        return Optional.ofNullable(last);
    }
}
