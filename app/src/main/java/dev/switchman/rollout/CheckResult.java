package dev.switchman.rollout;

/**
 * The verdict of one check in one round: {@code reason} names what failed (never a body, which may
 * hold secrets), {@code status} is the HTTP status seen (0 = no answer).
 */
public record CheckResult(String check, boolean passed, int status, long latencyMillis, String reason) {
}
