package dev.switchman.plan;

/**
 * Something a plan says beside its changes: drift left alone, an unmanaged service, or a blocker
 * that stops the plan from being applied. Never holds a secret value.
 *
 * @param address what it is about ({@code service.worker}, {@code variable.backend.SECRET_KEY})
 */
public record PlanNote(String address, String message) {

    @Override
    public String toString() {
        return address + ": " + message;
    }
}
