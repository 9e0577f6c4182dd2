package dev.switchman.store;

import java.time.Instant;

/**
 * One condition of an environment, Kubernetes style.
 *
 * @param type {@code Ready}, {@code Reconciling} or {@code Stalled}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the end of a sentence, for example {@code Converged}, {@code SecretMissing}
 * @param lastTransitionTime when {@code status} last changed
 */
public record EnvironmentCondition(String type, String status, String reason, String message,
        Instant lastTransitionTime) {

    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";

    public boolean isTrue() {
        return "True".equals(status);
    }
}
