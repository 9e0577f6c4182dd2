package dev.switchman.web.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One environment as the overview lists it, and as the head of its own page.
 *
 * @param href the environment's page, a deep link
 * @param api the status API's detail of it, which the page's script polls
 * @param revision the environment's own fingerprint in force
 * @param provenance the commit (git) or content revision (directory) it was read at
 * @param lastRun when the last run's status was recorded, null before the first
 * @param lastResult how it ended ({@code Converged}, ...), null before the first
 * @param nextRun when this replica runs it next without a trigger, null on a standby or while stalled
 * @param running whether a run is in progress on this replica
 * @param drift how many field paths differ from what was last applied
 * @param held services held on their last verified source after a rollback
 * @param quarantined the revision that will not be applied again, null when none
 * @param stretched how often it is read when the loop reads it less often than its {@code policy.interval} to fit
 *     the Railway API budget ({@code read every 2 min, not 60 s: the API budget}), null when as declared
 */
public record EnvironmentRow(String project, String name, String href, String api, Headline headline,
        String revision, String provenance, Instant lastRun, String lastResult, Instant nextRun, boolean running,
        int drift, List<String> held, String quarantined, RunStrip strip, String stretched) {

    public String qualifiedName() {
        return project + "/" + name;
    }

    /** What {@link #stretched} says, or null when the environment is read as often as it declares. */
    static String stretched(Duration declared, Duration interval) {
        if (declared == null || interval == null || interval.compareTo(declared) <= 0) {
            return null;
        }
        return "read every " + PageFormats.span(interval) + ", not " + PageFormats.span(declared) + ": the API budget";
    }

    static String href(String project, String name) {
        return "/environments/" + segment(project) + "/" + segment(name);
    }

    static String api(String project, String name) {
        return "/api/v1/environments/" + segment(project + "/" + name);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
