package dev.switchman.store;

import java.time.Instant;
import java.util.List;

/**
 * One notification's delivery to one target, as it ended.
 *
 * @param target the target's type and position in the environment's list ({@code slack#0}); never its URL
 * @param result {@code delivered}, {@code failed}, {@code rejected}, {@code deduplicated} or {@code dropped}
 * @param httpStatus the last HTTP status received, or null when none was
 * @param waitsMillis the waits between attempts, in order (backoff or the receiver's Retry-After)
 */
public record NotificationDelivery(String environment, String service, String kind, String target, String result,
        int attempts, Integer httpStatus, String error, List<Long> waitsMillis, Instant finishedAt) {

    public NotificationDelivery {
        waitsMillis = List.copyOf(waitsMillis);
    }
}
