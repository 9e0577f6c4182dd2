package dev.switchman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status -w} shows a report only when it changed, and an unreachable daemon once per change. */
class StatusWatchTest {

    @Test
    void showsEachChangeOnceIgnoringWhatDoesNotCountAndPausesBetweenLooks() throws InterruptedException {
        Iterator<Object> answers = List.<Object>of("ready", "ready at 12:00:01", new DaemonClient.Unavailable("refused"),
                new DaemonClient.Unavailable("refused"), "ready", "stalled").iterator();
        List<String> shown = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();

        new StatusWatch(Duration.ofSeconds(2), pauses::add).run(() -> {
            Object next = answers.next();
            if (next instanceof DaemonClient.Unavailable unavailable) {
                throw unavailable;
            }
            return (String) next;
        }, report -> report.replace(" at 12:00:01", ""), shown::add, why -> shown.add("unavailable: " + why),
                () -> !answers.hasNext());

        assertThat(shown).containsExactly("ready", "unavailable: refused", "ready", "stalled");
        assertThat(pauses).hasSize(6).containsOnly(Duration.ofSeconds(2));
    }
}
