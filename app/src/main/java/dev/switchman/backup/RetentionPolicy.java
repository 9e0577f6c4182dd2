package dev.switchman.backup;

import dev.switchman.desired.DatabaseSpec.BackupSpec;
import dev.switchman.desired.DatabaseSpec.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Grandfather-father-son retention over one database's catalog, as a pure function. Only good
 * (completed) backups fill the daily, weekly and monthly slots: the newest good backup of each of
 * the {@code daily} most recent days that have one, of the {@code weekly} most recent ISO weeks
 * and of the {@code monthly} most recent months (UTC). Failed attempts take no slot, so a run of
 * failures never pushes the last good backups out. Besides the slots it always keeps the newest
 * verified backup, and pre-migration backups younger than {@code keepPreMigrationFor}. Entries
 * that are not completed (running, failed, abandoned, deleted) hold no usable file and are left alone.
 */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /** One decision per completed entry, newest first, under the backups' own retention. */
    public static List<RetentionDecision> select(List<CatalogEntry> entries, Instant now, BackupSpec spec) {
        return select(entries, now, spec.retention(), spec.keepPreMigrationFor());
    }

    /**
     * One decision per completed entry of one destination, newest first.
     *
     * @param retention the destination's; null for 7 daily, 4 weekly, 12 monthly
     */
    public static List<RetentionDecision> select(List<CatalogEntry> entries, Instant now, Retention retention,
            Duration keepPreMigrationFor) {
        List<CatalogEntry> good = entries.stream().filter(CatalogEntry::good)
                .sorted(Comparator.comparing(CatalogEntry::startedAt).reversed()).toList();
        retention = retention == null ? new Retention(7, 4, 12) : retention;
        Map<Long, String> kept = new LinkedHashMap<>();
        keepNewestPer(good, retention.daily(), e -> day(e).toString(), "daily", kept);
        keepNewestPer(good, retention.weekly(),
                e -> day(e).get(IsoFields.WEEK_BASED_YEAR) + "-W" + day(e).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                "weekly", kept);
        keepNewestPer(good, retention.monthly(), e -> day(e).withDayOfMonth(1).toString().substring(0, 7),
                "monthly", kept);
        good.stream().filter(CatalogEntry::verified).findFirst()
                .ifPresent(e -> kept.putIfAbsent(e.id(), "newest verified backup"));
        Duration preMigration = keepPreMigrationFor == null ? Duration.ZERO : keepPreMigrationFor;
        for (CatalogEntry e : good) {
            if (e.reason() == BackupReason.PRE_MIGRATION && e.startedAt().plus(preMigration).isAfter(now)) {
                kept.putIfAbsent(e.id(), "pre-migration backup younger than " + preMigration);
            }
        }
        List<RetentionDecision> decisions = new ArrayList<>();
        for (CatalogEntry e : good) {
            String reason = kept.get(e.id());
            decisions.add(reason != null ? new RetentionDecision(e, true, reason)
                    : new RetentionDecision(e, false, "outside " + retention.daily() + " daily / "
                            + retention.weekly() + " weekly / " + retention.monthly() + " monthly"));
        }
        return decisions;
    }

    private static void keepNewestPer(List<CatalogEntry> newestFirst, int count, Function<CatalogEntry, String> period,
            String label, Map<Long, String> kept) {
        Map<String, CatalogEntry> newestOfPeriod = new LinkedHashMap<>();
        for (CatalogEntry e : newestFirst) {
            if (newestOfPeriod.size() >= count && !newestOfPeriod.containsKey(period.apply(e))) {
                break;
            }
            newestOfPeriod.putIfAbsent(period.apply(e), e);
        }
        newestOfPeriod.forEach((p, e) -> kept.merge(e.id(), label + " " + p, (a, b) -> a + ", " + b));
    }

    private static LocalDate day(CatalogEntry e) {
        return LocalDate.ofInstant(e.startedAt(), ZoneOffset.UTC);
    }
}
