package dev.switchman.store;

import java.time.Instant;

/**
 * One rollout as recorded: {@code state} is a {@link RolloutState}'s label; {@code servicesJson} holds each
 * service's deployment id, stage, verdict and rollback target. {@code revision} is the environment's
 * fingerprint, {@code provenance} the commit or content revision it was read at, {@code owner} null when the
 * daemon follows it.
 */
public record RolloutRow(long id, String project, String environment, String revision, String state, String verdict,
        String reason, String servicesJson, Instant startedAt, Instant updatedAt, String provenance, String owner) {

    /** Whether the row is in {@code state}. */
    public boolean is(RolloutState state) {
        return state.label().equals(this.state);
    }

    /** Whether someone other than the daemon (a {@code switchman rollback} by hand) follows it. */
    public boolean ownedByCommand() {
        return owner != null;
    }
}
