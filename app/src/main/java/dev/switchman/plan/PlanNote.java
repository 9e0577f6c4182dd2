package dev.switchman.plan;

/**
 * Something a plan says beside its changes: drift left alone, an unmanaged service, or a blocker
 * that stops the plan from being applied. Never holds a secret value.
 *
 * @param address what it is about ({@code service.worker}, {@code variable.backend.SECRET_KEY})
 * @param kind what the run makes of it: an unresolved secret stalls as {@code SecretMissing}
 */
public record PlanNote(String address, String message, Kind kind) {

    /** What a note is about, for decisions; the message is for people. */
    public enum Kind { NOTE, UNRESOLVED_SECRET }

    public PlanNote(String address, String message) {
        this(address, message, Kind.NOTE);
    }

    @Override
    public String toString() {
        return address + ": " + message;
    }
}
