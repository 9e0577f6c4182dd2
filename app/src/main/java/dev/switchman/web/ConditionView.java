package dev.switchman.web;

import dev.switchman.store.EnvironmentCondition;
import java.time.Instant;

/**
 * One condition as the status API shows it.
 *
 * @param type {@code Ready}, {@code Reconciling} or {@code Stalled}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param reason the end of a sentence, e.g. {@code RolloutFailed}
 */
public record ConditionView(String type, String status, String reason, String message, Instant lastTransitionTime) {

    static ConditionView of(EnvironmentCondition condition) {
        return new ConditionView(condition.type(), condition.status(), condition.reason(), condition.message(),
                condition.lastTransitionTime());
    }
}
