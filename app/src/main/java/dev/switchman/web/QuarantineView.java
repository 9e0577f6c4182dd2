package dev.switchman.web;

import java.time.Instant;

/**
 * The revision (the environment's fingerprint) an environment will not apply again, and why; lifted by a newer
 * revision or {@code switchman retry}. {@code provenance} is the commit or content revision it was read at.
 */
public record QuarantineView(String revision, String provenance, String reason, Instant since) {
}
