package dev.switchman.backup;

import dev.switchman.desired.CronExpression;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether a cron schedule is due, the way a Kubernetes CronJob decides: from the last run, not from a
 * timer. When at least one fire time passed since the last run, it is due — once, however many were
 * missed (a daemon that was down for a week takes one backup, not seven). With no run at all, the
 * reference is when the schedule was first seen, so a new schedule waits for its next fire time.
 */
final class CatchUp {

    private CatchUp() {
    }

    /**
     * @param lastRun when the job last started, if ever
     * @param firstSeen when this process first saw the schedule; the reference when there is no last run
     */
    static boolean due(CronExpression schedule, Optional<Instant> lastRun, Instant firstSeen, Instant now) {
        Instant reference = lastRun.orElse(firstSeen);
        return !schedule.next(ZonedDateTime.ofInstant(reference, ZoneOffset.UTC)).toInstant().isAfter(now);
    }
}
