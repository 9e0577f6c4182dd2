package dev.switchman.rollout;

import java.time.Duration;

/**
 * What one HTTP check saw: {@code status} 0 when there was no answer (then {@code error} says why).
 */
public record HttpObservation(int status, String body, Duration latency, String error) {

    public static HttpObservation noAnswer(String error, Duration latency) {
        return new HttpObservation(0, null, latency, error);
    }
}
