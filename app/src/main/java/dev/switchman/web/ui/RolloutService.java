package dev.switchman.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One service of a stored rollout (the status API's {@code services} of a rollout), read back for the page.
 *
 * @param stage {@code DEPLOYING}, {@code VERIFYING}, {@code VERIFIED} or {@code FAILED}
 * @param rollback {@code none}, {@code notNeeded}, {@code requested}, {@code done}, {@code failed},
 *     {@code impossible} or {@code skipped}
 * @param rounds the new deployment's verification rounds, oldest first
 * @param settledAt when it was verified or failed, null while it goes (or in a row written before it was kept)
 * @param rollbackRounds those of the deployment the rollback made
 */
public record RolloutService(String service, String deploymentId, String status, String stage, String reason,
        String rollback, String rollbackTarget, String rollbackDeploymentId, String rollbackStage,
        String rollbackReason, List<Round> rounds, Instant settledAt, List<Round> rollbackRounds,
        Instant rollbackSettledAt) {

    /** One verification round; {@code check} and {@code reason} say what failed, null when it passed. */
    public record Round(Instant at, boolean passed, String check, String reason) {
    }

    static List<RolloutService> of(JsonNode services) {
        List<RolloutService> read = new ArrayList<>();
        if (services == null || !services.isArray()) {
            return read;
        }
        for (JsonNode s : services) {
            read.add(new RolloutService(text(s, "service"), text(s, "deploymentId"), text(s, "status"),
                    text(s, "stage"), text(s, "reason"), s.path("rollback").asText("none"), text(s, "rollbackTarget"),
                    text(s, "rollbackDeploymentId"), text(s, "rollbackStage"), text(s, "rollbackReason"),
                    rounds(s.path("rounds")), instant(s.path("settledAt")), rounds(s.path("rollbackRounds")),
                    instant(s.path("rollbackSettledAt"))));
        }
        return read;
    }

    /** Whether the rollback made a deployment that now serves instead of the new one. */
    boolean rolledBack() {
        return rollbackDeploymentId != null && "done".equals(rollback);
    }

    private static List<Round> rounds(JsonNode array) {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode round : array) {
            Instant at = instant(round.path("at"));
            // a round without a time cannot be placed; the others still can
            if (at != null) {
                rounds.add(new Round(at, round.path("passed").asBoolean(), text(round, "check"), text(round, "reason")));
            }
        }
        return rounds;
    }

    private static Instant instant(JsonNode text) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : null;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
