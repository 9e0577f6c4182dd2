package dev.switchman.sandbox;

import java.time.Instant;

/**
 * An asynchronous Railway workflow (backup create/restore). Railway answers NotFound right after the
 * mutation returns, Running while it works, then Complete; {@link #onComplete} runs at completion.
 */
final class WorkflowEntity {
    final String id;
    final Instant visibleAt;
    final Instant completesAt;
    final Runnable onComplete;
    final String error;
    boolean completed;

    WorkflowEntity(String id, Instant visibleAt, Instant completesAt, Runnable onComplete, String error) {
        this.id = id;
        this.visibleAt = visibleAt;
        this.completesAt = completesAt;
        this.onComplete = onComplete;
        this.error = error;
    }

    String status(Instant now) {
        if (now.isBefore(visibleAt)) {
            return "NotFound";
        }
        if (!completed) {
            return "Running";
        }
        return error == null ? "Complete" : "Error";
    }
}
