package dev.switchman.notify;

import java.util.Map;

/**
 * Notifications about one database's scheduled backups and restore drills: one alert per environment and
 * database ({@link Notification#service} carries the database). A failed backup keeps one state however often
 * it repeats; a failed drill is keyed by the backup it restored, so the same backup failing again is sent once
 * and a newer backup that fails too is news. "Recovered" closes the alert and is sent only while one is open.
 */
public final class BackupNotices {

    private BackupNotices() {
    }

    public static Notification backupFailed(String environment, String database, String error) {
        return Notification.of(environment, database, NotificationKind.BACKUP_FAILED, "scheduled",
                database + ": the scheduled backup failed: " + error, Map.of("database", database));
    }

    /** @param backup the backup the drill restored, or {@code ""} when there was none to restore */
    public static Notification drillFailed(String environment, String database, String backup, String failures) {
        return Notification.of(environment, database, NotificationKind.BACKUP_DRILL_FAILED,
                backup.isEmpty() ? "no backup" : backup,
                database + ": the restore drill" + (backup.isEmpty() ? "" : " of " + backup) + " failed: " + failures,
                Map.of("database", database, "backup", backup));
    }

    /** @param what one phrase: the backup taken or the drill that passed */
    public static Notification recovered(String environment, String database, String backup, String what) {
        return Notification.of(environment, database, NotificationKind.BACKUP_RECOVERED, backup,
                database + ": " + what + "; the newest backup and drill are good again",
                Map.of("database", database, "backup", backup));
    }
}
