package dev.switchman.store;

import java.time.Instant;

/**
 * Something that happened to an environment, Kubernetes-event style.
 *
 * @param id assigned by the store; 0 for an event not yet appended
 * @param type {@code Normal} or {@code Warning}
 * @param reason why, read as the end of a sentence: {@code RolloutFailed}, {@code InvalidDesiredState}
 * @param detailsJson a JSON object with details, or null
 */
public record EnvironmentEvent(
        long id,
        String project,
        String environment,
        Instant time,
        String type,
        String reason,
        String message,
        String detailsJson) {

    public static EnvironmentEvent of(String project, String environment, Instant time, String type,
            String reason, String message, String detailsJson) {
        return new EnvironmentEvent(0, project, environment, time, type, reason, message, detailsJson);
    }
}
