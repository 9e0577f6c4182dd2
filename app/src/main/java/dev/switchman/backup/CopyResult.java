package dev.switchman.backup;

/**
 * One destination's copy of a backup. @param destination where, as {@link BackupStorage#describe()} says it
 * @param error why it could not be written or verified; null when it was stored and verified
 */
public record CopyResult(String destination, String error) {

    public boolean stored() {
        return error == null;
    }

    @Override
    public String toString() {
        return destination + (stored() ? ": stored and verified" : ": " + error);
    }
}
