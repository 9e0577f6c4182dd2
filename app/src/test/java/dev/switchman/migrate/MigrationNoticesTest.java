package dev.switchman.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.notify.Notification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a failed migration's notification says in its details. */
class MigrationNoticesTest {

    private static final DesiredEnvironment PRODUCTION = new DesiredEnvironment("shop", "production", null, Map.of(),
            Map.of(), Map.of(), Policy.DEFAULT, null);

    @Test
    void aDryRunFailureTakenBeforeAnyBackupHasNoBackupDetail() {
        Notification notice = MigrationNotices.of(PRODUCTION, "rev-1",
                new MigrationOutcome.Failed("app", "V2__add_total.sql", "syntax error", null, true, false)).orElseThrow();

        assertThat(notice.details()).doesNotContainKey("backup")
                .containsEntry("script", "V2__add_total.sql").containsEntry("dryRun", "true");
        assertThat(notice.details().values()).doesNotContain("null");
    }

    @Test
    void aFailedScriptNamesTheBackupTakenBeforeIt() {
        Notification notice = MigrationNotices.of(PRODUCTION, "rev-1",
                new MigrationOutcome.Failed("app", "V2__add_total.sql", "boom", "backup-1 at /backups", false, false))
                .orElseThrow();

        assertThat(notice.details()).containsEntry("backup", "backup-1 at /backups");
    }
}
