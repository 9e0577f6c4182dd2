package dev.switchman.backup;

/** Whether retention keeps a backup, and why (logged for every deletion). */
public record RetentionDecision(CatalogEntry entry, boolean keep, String reason) {
}
