package dev.switchman.railway;

/**
 * A volume Railway just created, and its instance in the environment it was created in (null when
 * Railway's answer did not list one), which backup schedules are set on.
 */
public record CreatedVolume(String volumeId, String name, String volumeInstanceId) {
}
