package dev.switchman.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchman.desired.DatabaseSpec;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredProject;
import dev.switchman.desired.DesiredState;
import dev.switchman.desired.NotificationTarget;
import dev.switchman.desired.Policy;
import dev.switchman.desired.VariableValue;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.secrets.EnvironmentSecrets;
import dev.switchman.store.EventRepository;
import dev.switchman.store.NotificationRepository;
import dev.switchman.testing.TestPostgres;
import dev.switchman.testing.WebhookReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Scheduled backups and drills notify a real local webhook: a failing drill once, its recovery when the
 * next drill passes, a backup whose destination cannot be written, and the recovery when one can.
 */
class BackupNotificationsIT {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();
    private static PGSimpleDataSource store;
    private static String shopUrl;

    @TempDir
    Path dir;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final Map<String, String> secrets = new HashMap<>();
    private Notifier notifier;
    private BackupSchedule schedule;
    private DesiredState state;
    private final Instant start = Instant.now();

    @BeforeAll
    static void createTheShopDatabase() throws Exception {
        store = postgres.store();
        shopUrl = BackupFixture.applicationDatabase(postgres, "shop", 100);
    }

    @BeforeEach
    void setUp() throws Exception {
        postgres.truncateStore();
        secrets.put(BackupFixture.URL_SECRET, shopUrl);
        secrets.put("HOOK_URL", receiver.url());
        notifier = new Notifier(new NotifySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 100, 2),
                name -> Optional.ofNullable(state).flatMap(s -> s.environment(name)),
                name -> Optional.ofNullable(secrets.get(name)), new NotificationRepository(store),
                new SimpleMeterRegistry());
        BackupCatalog catalog = new BackupCatalog(store);
        DatabaseBackups backups = new DatabaseBackups(new BackupRunner(new PgProcesses(PostgresClientTools.find()),
                dir.resolve("work"), Clock.systemUTC()), catalog, new EventRepository(store),
                new EnvironmentSecrets(null, secrets), Clock.systemUTC());
        schedule = new BackupSchedule(backups, catalog, notifier, new SimpleMeterRegistry(), Clock.systemUTC(),
                Duration.ofHours(6));
    }

    @AfterEach
    void tearDown() {
        notifier.close();
        receiver.close();
    }

    /**
     * Desires a backup on {@code backupCron} into {@code destination} and, with {@code minRows}, a daily drill
     * (05:00) checking that {@code orders} has that many rows.
     */
    private void desire(String backupCron, Path destination, Long minRows) {
        DatabaseSpec.BackupSpec spec = new DatabaseSpec.BackupSpec(backupCron, null,
                new DatabaseSpec.BackupDestination.Filesystem(destination.toString()), true, Duration.ZERO,
                minRows == null ? null : new DatabaseSpec.RestoreDrill("0 5 * * *",
                        List.of(new DatabaseSpec.DrillCheck("orders", minRows, null, null))));
        DatabaseSpec shop = new DatabaseSpec("shop", null, new VariableValue.SecretRef(BackupFixture.URL_SECRET), null,
                spec);
        DesiredEnvironment env = new DesiredEnvironment("acme", "production", null, Map.of(), Map.of(),
                Map.of("shop", shop), Policy.DEFAULT, SourceLocation.UNKNOWN, null,
                List.of(new NotificationTarget.Webhook(new VariableValue.SecretRef("HOOK_URL"), List.of())));
        state = new DesiredState("rev-1", List.of(new DesiredProject("acme", null, Map.of("production", env))));
    }

    private List<String> runDay(int day) {
        return schedule.runDue(state, start.plus(Duration.ofDays(day)));
    }

    private List<JsonNode> received() throws InterruptedException {
        assertThat(notifier.awaitQuiet(Duration.ofSeconds(20))).isTrue();
        return receiver.json();
    }

    /** 03:00 on the day after the test started, and then not for a year: one backup, drilled day after day. */
    private String onceTomorrow() {
        var tomorrow = start.plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC);
        return "0 3 " + tomorrow.getDayOfMonth() + " " + tomorrow.getMonthValue() + " *";
    }

    @Test
    void aFailingDrillIsSentOnceAndItsRecoveryWhenTheNextDrillPasses() throws Exception {
        desire(onceTomorrow(), dir.resolve("dest"), 1_000L);
        schedule.runDue(state, start);

        List<String> day2 = runDay(2);
        List<String> day3 = runDay(3);
        List<JsonNode> afterTheSameFailureTwice = received();
        desire(onceTomorrow(), dir.resolve("dest"), 100L);
        List<String> day4 = runDay(4);

        assertThat(day2).containsExactly("backup acme/production/shop", "drill acme/production/shop");
        assertThat(day3).containsExactly("drill acme/production/shop");
        assertThat(day4).containsExactly("drill acme/production/shop");
        assertThat(afterTheSameFailureTwice).extracting(m -> m.get("kind").asText()).containsExactly("backupDrillFailed");
        JsonNode failed = afterTheSameFailureTwice.get(0);
        assertThat(failed.get("service").asText()).isEqualTo("shop");
        assertThat(failed.get("reason").asText()).contains("orders has 100 rows, fewer than 1000");
        assertThat(failed.get("details").get("database").asText()).isEqualTo("shop");
        assertThat(received()).extracting(m -> m.get("kind").asText())
                .containsExactly("backupDrillFailed", "backupRecovered");
    }

    @Test
    void aBackupThatCannotBeWrittenIsSentAndItsRecoveryWhenTheNextOneIsStored() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "a file where the destination should be");
        desire("0 3 * * *", notADirectory.resolve("dest"), null);
        schedule.runDue(state, start);

        List<String> attempts = new ArrayList<>(runDay(1));
        attempts.addAll(runDay(2));
        List<JsonNode> whileFailing = received();
        desire("0 3 * * *", dir.resolve("dest"), null);
        runDay(3);

        assertThat(attempts).containsExactly("backup acme/production/shop", "backup acme/production/shop");
        assertThat(whileFailing).extracting(m -> m.get("kind").asText()).containsExactly("backupFailed");
        assertThat(whileFailing.get(0).get("alert").asText()).isEqualTo("open");
        assertThat(received()).extracting(m -> m.get("kind").asText()).containsExactly("backupFailed",
                "backupRecovered");
        assertThat(new BackupCatalog(store).entries("acme", "production", "shop")).extracting(CatalogEntry::status)
                .contains(CatalogEntry.COMPLETED);
    }
}
