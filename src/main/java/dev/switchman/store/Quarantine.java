package dev.switchman.store;

import java.time.Instant;

/** A desired revision that failed in an environment and is not applied there again. */
public record Quarantine(String project, String environment, String revision, String reason, Instant at) {
}
