package dev.switchman.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Railway's API budget per token: a fixed hourly window and a fixed one-second window, on the
 * sandbox clock (so a virtual clock makes limits deterministic). Headers on every response.
 */
final class RateLimiter {

    /** Outcome of one request: headers to send, and Retry-After seconds when refused (else -1). */
    record Decision(Map<String, String> headers, long retryAfterSeconds) {
        boolean allowed() {
            return retryAfterSeconds < 0;
        }
    }

    private record Window(long start, int used) {
    }

    private final int perHour;
    private final int perSecond;
    private final Map<String, Window> hours = new HashMap<>();
    private final Map<String, Window> seconds = new HashMap<>();

    RateLimiter(int perHour, int perSecond) {
        this.perHour = perHour;
        this.perSecond = perSecond;
    }

    synchronized Decision take(String bucket, Instant now) {
        long epoch = now.getEpochSecond();
        Window hour = current(hours, bucket, epoch - epoch % 3600);
        Window second = current(seconds, bucket, epoch);
        long retryAfter = -1;
        if (hour.used() >= perHour) {
            retryAfter = hour.start() + 3600 - epoch;
        } else if (second.used() >= perSecond) {
            retryAfter = 1;
        } else {
            hour = new Window(hour.start(), hour.used() + 1);
            second = new Window(second.start(), second.used() + 1);
            hours.put(bucket, hour);
            seconds.put(bucket, second);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(perHour));
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, perHour - hour.used())));
        headers.put("X-RateLimit-Reset", String.valueOf(hour.start() + 3600));
        headers.put("RateLimit-Policy", perHour + ";w=3600, " + perSecond + ";w=1");
        if (retryAfter >= 0) {
            headers.put("Retry-After", String.valueOf(Math.max(1, retryAfter)));
        }
        return new Decision(headers, retryAfter < 0 ? -1 : Math.max(1, retryAfter));
    }

    private static Window current(Map<String, Window> windows, String bucket, long start) {
        Window w = windows.get(bucket);
        return w == null || w.start() != start ? new Window(start, 0) : w;
    }
}
