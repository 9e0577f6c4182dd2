package dev.switchman.backup;

import java.util.Locale;

/** Why a backup was taken; recorded in its manifest and catalog row. */
public enum BackupReason {
    SCHEDULED, PRE_MIGRATION, MANUAL;

    /** The manifest spelling: {@code scheduled}, {@code pre-migration}, {@code manual}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BackupReason fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
