package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DatabaseSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Retention over simulated weeks: a backup a day, some failing, retention applied after each. */
class RetentionPolicyTest {

    private static final Instant START = Instant.parse("2026-01-01T03:00:00Z");

    private final List<CatalogEntry> catalog = new ArrayList<>();
    private long nextId = 1;

    private static DatabaseSpec.BackupSpec spec(int daily, int weekly, int monthly, Duration preMigration) {
        return new DatabaseSpec.BackupSpec("0 3 * * *", new DatabaseSpec.Retention(daily, weekly, monthly),
                new DatabaseSpec.BackupDestination.Filesystem("/backups"), true, preMigration, null);
    }

    private void backup(Instant at, BackupReason reason, boolean ok, boolean verified) {
        catalog.add(new CatalogEntry(nextId++, "acme", "production", "shop", "b" + nextId, reason,
                ok ? CatalogEntry.COMPLETED : CatalogEntry.FAILED, "/backups", ok ? 100L : null, ok ? "sha" : null, at,
                at.plusSeconds(60), ok ? null : "pg_dump failed", verified ? at.plusSeconds(3600) : null));
    }

    /** Applies the decisions as the daemon does: deleted entries stop being completed. */
    private List<RetentionDecision> retain(Instant now, DatabaseSpec.BackupSpec spec) {
        List<RetentionDecision> decisions = RetentionPolicy.select(catalog, now, spec);
        for (RetentionDecision d : decisions) {
            if (!d.keep()) {
                catalog.set(catalog.indexOf(d.entry()), new CatalogEntry(d.entry().id(), "acme", "production", "shop",
                        d.entry().name(), d.entry().reason(), CatalogEntry.DELETED, "/backups", null, null,
                        d.entry().startedAt(), d.entry().finishedAt(), null, d.entry().verifiedAt()));
            }
        }
        return decisions;
    }

    private Set<Instant> kept() {
        return catalog.stream().filter(CatalogEntry::good).map(CatalogEntry::startedAt).collect(Collectors.toSet());
    }

    /** The newest good backup of each of the newest {@code count} periods, computed the obvious way. */
    private static Set<Instant> newestPer(List<Instant> good, int count, Function<LocalDate, Object> period) {
        TreeMap<Instant, Object> byTime = new TreeMap<>();
        good.forEach(t -> byTime.put(t, period.apply(LocalDate.ofInstant(t, ZoneOffset.UTC))));
        Map<Object, Instant> newest = new LinkedHashMap<>();
        byTime.descendingMap().forEach((t, p) -> newest.putIfAbsent(p, t));
        return newest.values().stream().limit(count).collect(Collectors.toSet());
    }

    @Test
    void aYearOfDailyBackupsWithFailuresKeepsExactlyTheGrandfatherFatherSonSet() {
        DatabaseSpec.BackupSpec spec = spec(7, 4, 12, Duration.ZERO);
        List<Instant> everyGood = new ArrayList<>();
        for (int day = 0; day < 365; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            boolean ok = day % 5 != 3 && !(day >= 200 && day < 212);
            backup(at, BackupReason.SCHEDULED, ok, false);
            if (ok) {
                everyGood.add(at);
            }
            retain(at.plusSeconds(120), spec);

            Set<Instant> expected = new HashSet<>();
            expected.addAll(newestPer(everyGood, 7, d -> d));
            expected.addAll(newestPer(everyGood, 4,
                    d -> d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            expected.addAll(newestPer(everyGood, 12, d -> d.withDayOfMonth(1)));
            assertThat(kept()).as("day %d", day).isEqualTo(expected);
        }
        assertThat(catalog).filteredOn(e -> CatalogEntry.FAILED.equals(e.status())).isNotEmpty();
    }

    @Test
    void aRunOfFailuresNeverPushesOutTheLastGoodBackups() {
        DatabaseSpec.BackupSpec spec = spec(3, 0, 0, Duration.ZERO);
        for (int day = 0; day < 5; day++) {
            backup(START.plus(Duration.ofDays(day)), BackupReason.SCHEDULED, true, day == 1);
        }
        for (int day = 5; day < 30; day++) {
            backup(START.plus(Duration.ofDays(day)), BackupReason.SCHEDULED, false, false);
            retain(START.plus(Duration.ofDays(day)).plusSeconds(120), spec);
        }

        assertThat(kept()).containsExactlyInAnyOrder(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2)),
                START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(4)));
        assertThat(RetentionPolicy.select(catalog, START.plus(Duration.ofDays(30)), spec))
                .filteredOn(d -> d.entry().startedAt().equals(START.plus(Duration.ofDays(1))))
                .singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("newest verified backup"));
    }

    @Test
    void preMigrationBackupsYoungerThanTheirAgeAreKeptAndOlderOnesGo() {
        DatabaseSpec.BackupSpec spec = spec(1, 0, 0, Duration.ofDays(14));
        backup(START, BackupReason.PRE_MIGRATION, true, false);
        backup(START.plus(Duration.ofDays(10)), BackupReason.PRE_MIGRATION, true, false);
        backup(START.plus(Duration.ofDays(20)), BackupReason.SCHEDULED, true, false);

        List<RetentionDecision> decisions = retain(START.plus(Duration.ofDays(20)).plusSeconds(60), spec);

        assertThat(kept()).containsExactlyInAnyOrder(START.plus(Duration.ofDays(10)), START.plus(Duration.ofDays(20)));
        assertThat(decisions).filteredOn(d -> !d.keep()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("outside 1 daily"));
    }
}
