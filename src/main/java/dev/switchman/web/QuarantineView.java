package dev.switchman.web;

import java.time.Instant;

/** The revision an environment will not apply again, and why; lifted by a newer revision or {@code switchman retry}. */
public record QuarantineView(String revision, String reason, Instant since) {
}
