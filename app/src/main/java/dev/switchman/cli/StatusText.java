package dev.switchman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the pieces of an environment's status read in {@code switchman status}: times as ages, results in colour. */
record StatusText(Style style, Instant now) {

    String ago(JsonNode time) {
        if (!time.isTextual()) {
            return "-";
        }
        try {
            Duration age = Duration.between(Instant.parse(time.asText()), now);
            return age.isNegative() ? "just now" : age(age) + " ago";
        } catch (DateTimeParseException notATime) {
            return time.asText();
        }
    }

    /** Two units at most, as kubectl shows ages: {@code 45s}, {@code 5m12s}, {@code 3h4m}, {@code 2d5h}. */
    static String age(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + "d" + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }

    String lastRun(JsonNode run) {
        if (!run.isObject()) {
            return "never";
        }
        String result = run.path("result").asText("running");
        String painted = switch (result) {
            case "Converged" -> style.green(result);
            case "Progressing", "running" -> style.yellow(result);
            default -> style.red(result);
        };
        return painted + " " + ago(run.path("startedAt")) + " (" + run.path("trigger").asText("?") + ")";
    }

    String nextRun(JsonNode environment) {
        JsonNode schedule = environment.path("schedule");
        if (!schedule.isObject()) {
            return "- (not scheduled by this replica)";
        }
        if (schedule.path("runningSince").isTextual()) {
            return "running since " + ago(schedule.path("runningSince"));
        }
        if (!schedule.path("nextRunAt").isTextual()) {
            String state = schedule.path("state").asText();
            return state.equals("STALLED") ? "when the desired state changes, or on request" : state.toLowerCase(Locale.ROOT);
        }
        Duration wait = Duration.between(now, Instant.parse(schedule.path("nextRunAt").asText()));
        return (wait.isNegative() ? "due now" : "in " + age(wait)) + (schedule.path("consecutiveFailures").asInt() > 0
                ? " (backing off after " + schedule.path("consecutiveFailures").asInt() + " failure(s))" : "");
    }

    /** {@code #7 InProgress}, coloured by how it went. */
    String rollout(JsonNode rollout) {
        if (!rollout.isObject()) {
            return "-";
        }
        String state = rollout.path("state").asText("?");
        String text = "#" + rollout.path("id").asText() + " " + state;
        return switch (state) {
            case "Succeeded" -> style.green(text);
            case "InProgress" -> style.yellow(text);
            case "Superseded" -> text;
            default -> style.red(text);
        };
    }

    /** A condition's status: green when good, red when bad, yellow while work goes on or nobody knows. */
    String conditionStatus(String type, String status) {
        if (status.equals("Unknown") || type.equals("Reconciling") || type.equals("Progressing")) {
            return status.equals("False") ? status : style.yellow(status);
        }
        boolean good = type.equals("Ready") == status.equals("True");
        return good ? style.green(status) : style.red(status);
    }

    static String name(JsonNode environment) {
        return environment.path("project").asText() + "/" + environment.path("name").asText();
    }

    /** The environment's own identity when the API gives one, else the desired revision. */
    static String revision(JsonNode environment) {
        return environment.path("fingerprint").isTextual() ? environment.path("fingerprint").asText()
                : environment.path("desiredRevision").asText("-");
    }

    static String shortRevision(String revision) {
        String bare = revision.substring(revision.indexOf(':') + 1);
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** The condition of {@code type}, from the detail's list or the summary's map. */
    static JsonNode condition(JsonNode environment, String type) {
        for (JsonNode c : environment.path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return environment.path("conditions").path(type);
    }
}
