package dev.switchman.store;

import java.time.Instant;

/**
 * What operators asked of one environment through the API.
 *
 * @param suspended true while the environment must not be acted on
 * @param suspendedAt when it was suspended, null when it is not
 * @param suspendReason the reason given when suspending, may be null
 * @param reconcileRequestedAt the latest request for an immediate reconcile, null when none was made
 */
public record EnvironmentControl(
        String project,
        String environment,
        boolean suspended,
        Instant suspendedAt,
        String suspendReason,
        Instant reconcileRequestedAt) {

    /** {@code project/environment}, as the loop names environments. */
    public String qualifiedName() {
        return project + "/" + environment;
    }
}
