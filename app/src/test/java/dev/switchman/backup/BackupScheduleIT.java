package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredProject;
import dev.switchman.desired.DesiredState;
import dev.switchman.notify.Notifier;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.store.EventRepository;
import dev.switchman.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schedule across restarts, against the catalog in a real PostgreSQL and real pg_dump: a run missed
 * while the daemon was down is caught up once, a new schedule waits, and {@code running} rows a dead daemon
 * left behind are abandoned, never good.
 */
class BackupScheduleIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static PGSimpleDataSource store;
    private static String shopUrl;

    @TempDir
    Path dir;
    private BackupCatalog catalog;
    /** Now, and a cron firing daily twelve hours away from it: no fire time falls inside a test's minutes. */
    private final Instant now = Instant.now();
    private final String dailyFarFromNow = "0 " + (now.atZone(ZoneOffset.UTC).getHour() + 12) % 24 + " * * *";

    @BeforeAll
    static void start() throws Exception {
        store = postgres.store();
        shopUrl = BackupFixture.applicationDatabase(postgres, "shop", 100);
    }

    @BeforeEach
    void emptyCatalog() throws Exception {
        postgres.truncateStore();
        catalog = new BackupCatalog(store);
    }

    /** A new schedule object is what a restarted daemon (or a new leader) starts with: nothing in memory. */
    private BackupSchedule restartedDaemon() {
        DatabaseBackups backups = new DatabaseBackups(new BackupRunner(new PgProcesses(PostgresClientTools.find()),
                dir.resolve("work"), Clock.systemUTC()), catalog, new EventRepository(store),
                new EnvironmentSecrets(null, Map.of(BackupFixture.URL_SECRET, shopUrl)), Clock.systemUTC());
        return new BackupSchedule(backups, catalog, Notifier.disabled(), new SimpleMeterRegistry(), Clock.systemUTC(),
                Duration.ofHours(6));
    }

    private DesiredState state(boolean withDrill) {
        DatabaseSpec.BackupSpec spec = new DatabaseSpec.BackupSpec(dailyFarFromNow, null,
                new DatabaseSpec.BackupDestination.Filesystem(dir.resolve("dest").toString()), true, Duration.ZERO,
                withDrill ? new DatabaseSpec.RestoreDrill(dailyFarFromNow,
                        List.of(new DatabaseSpec.DrillCheck("orders", 100L, null, null))) : null);
        DesiredEnvironment env = BackupFixture.environment(spec);
        return new DesiredState("rev-1", List.of(new DesiredProject("acme", null, Map.of("production", env))));
    }

    private long attempt(Instant startedAt) {
        return catalog.started("acme", "production", "shop", "shop-" + startedAt.toEpochMilli(), BackupReason.SCHEDULED,
                "test", "rev-0", startedAt);
    }

    @Test
    void aBackupAndDrillMissedWhileTheDaemonWasDownRunOnceOnStart() {
        long old = attempt(now.minus(Duration.ofDays(3)));
        catalog.failed(old, "disk full", now.minus(Duration.ofDays(3)));
        catalog.drill(old, now.minus(Duration.ofDays(9)), Duration.ofSeconds(1), true, "passed");

        List<String> first = restartedDaemon().runDue(state(true), now);
        List<String> afterAnotherRestart = restartedDaemon().runDue(state(true), now.plus(Duration.ofMinutes(5)));

        assertThat(first).containsExactly("backup acme/production/shop", "drill acme/production/shop");
        assertThat(afterAnotherRestart).isEmpty();
        assertThat(catalog.entries("acme", "production", "shop")).extracting(CatalogEntry::status)
                .containsExactly(CatalogEntry.COMPLETED, CatalogEntry.FAILED);
        assertThat(catalog.drills("acme", "production", "shop", 5)).extracting(BackupCatalog.DrillRecord::passed)
                .containsExactly(true, true);
    }

    @Test
    void withNoHistoryANewScheduleWaitsForItsFireTime() {
        BackupSchedule schedule = restartedDaemon();

        assertThat(schedule.runDue(state(false), now)).isEmpty();
        assertThat(schedule.runDue(state(false), now.plus(Duration.ofHours(11)))).isEmpty();
        assertThat(schedule.runDue(state(false), now.plus(Duration.ofHours(13))))
                .containsExactly("backup acme/production/shop");
        assertThat(schedule.runDue(state(false), now.plus(Duration.ofHours(14)))).isEmpty();
    }

    @Test
    void runningRowsLeftByADeadDaemonAreAbandonedAndNeverGood() {
        long dead = attempt(now.minus(Duration.ofHours(7)));
        long underWay = attempt(now.minus(Duration.ofHours(1)));

        List<CatalogEntry> abandoned = restartedDaemon().abandonStale();

        assertThat(abandoned).extracting(CatalogEntry::id).containsExactly(dead);
        List<CatalogEntry> entries = catalog.entries("acme", "production", "shop");
        assertThat(entries).filteredOn(e -> e.id() == dead).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(CatalogEntry.ABANDONED);
            assertThat(e.good()).isFalse();
            assertThat(e.error()).contains("still running after PT6H");
            assertThat(e.finishedAt()).isNotNull();
        });
        assertThat(entries).filteredOn(e -> e.id() == underWay).extracting(CatalogEntry::status)
                .containsExactly(CatalogEntry.RUNNING);
        assertThat(RetentionPolicy.select(entries, now, state(false).environments().get(0).databases().get("shop")
                .backups())).isEmpty();
        assertThat(restartedDaemon().abandonStale()).isEmpty();
    }
}
