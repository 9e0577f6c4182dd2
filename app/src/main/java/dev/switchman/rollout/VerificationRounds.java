package dev.switchman.rollout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the rollout row keeps of each service's verification for the status page's timeline: every round (when,
 * passed, the failed check and why, never a body) and when the deployment was judged. Events do not repeat it.
 */
final class VerificationRounds {

    private VerificationRounds() {
    }

    /** Adds {@code rounds}, {@code settledAt} and, after a rollback, {@code rollbackRounds}, {@code rollbackSettledAt}. */
    static ObjectNode write(ObjectNode node, ServiceRollout service) {
        rounds(node.putArray("rounds"), service.forward);
        settled(node, "settledAt", service.forward);
        if (service.back != null) {
            rounds(node.putArray("rollbackRounds"), service.back);
            settled(node, "rollbackSettledAt", service.back);
        }
        return node;
    }

    private static void rounds(ArrayNode array, DeploymentTrack track) {
        for (DeploymentTrack.Round round : track.rounds) {
            ObjectNode node = array.addObject().put("at", round.at().toString()).put("passed", round.passed());
            if (!round.passed()) {
                node.put("check", round.failedCheck()).put("reason", round.reason());
            }
        }
    }

    private static void settled(ObjectNode node, String field, DeploymentTrack track) {
        if (track.settledAt != null) {
            node.put(field, track.settledAt.toString());
        }
    }
}
