package dev.switchman.store;

import java.time.Instant;

/**
 * The last notification state sent for one (environment, service, topic).
 *
 * @param service the service, or {@code ""} for the environment as a whole
 * @param open whether an alert is open, i.e. a "recovered"/"corrected" message would close it
 */
public record NotificationAlert(String environment, String service, String topic, String kind, String stateKey,
        boolean open, Instant updatedAt) {
}
