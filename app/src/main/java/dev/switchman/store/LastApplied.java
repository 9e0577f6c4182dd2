package dev.switchman.store;

import java.time.Instant;

/**
 * What Switchman last applied to one environment: the basis for telling its own changes from
 * changes made by hand.
 *
 * @param snapshotJson the applied configuration as JSON (secret values only as hashes)
 * @param revision the desired revision it came from
 */
public record LastApplied(String project, String environment, String snapshotJson, String revision, Instant appliedAt) {
}
