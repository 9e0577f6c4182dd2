package dev.switchman.store;

import java.time.Instant;

/**
 * A desired revision that failed in an environment and is not applied there again.
 *
 * @param revision the environment fingerprint that failed
 * @param provenance the commit or content revision it was read at, or null
 * @param migrationFailed whether it failed in its migration command (Railway's pre-deploy step)
 *        rather than in the rollout of its deployments
 */
public record Quarantine(String project, String environment, String revision, String reason, Instant at,
        boolean migrationFailed, String provenance) {

    /** A rollout failure. */
    public Quarantine(String project, String environment, String revision, String reason, Instant at) {
        this(project, environment, revision, reason, at, false, null);
    }

    public Quarantine(String project, String environment, String revision, String reason, Instant at,
            boolean migrationFailed) {
        this(project, environment, revision, reason, at, migrationFailed, null);
    }
}
