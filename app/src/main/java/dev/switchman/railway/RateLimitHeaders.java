package dev.switchman.railway;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Railway's rate-limit headers on one response. The format of {@code X-RateLimit-Reset} is not
 * documented, so epoch seconds, epoch milliseconds, seconds from now and ISO-8601 are all read.
 *
 * @param limit {@code X-RateLimit-Limit} (the hourly budget), or null
 * @param remaining {@code X-RateLimit-Remaining}, or null
 * @param reset when the window ends, or null
 * @param retryAfter {@code Retry-After} (integer seconds or an HTTP date), or null
 */
public record RateLimitHeaders(Long limit, Long remaining, Instant reset, Duration retryAfter) {

    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;
    private static final long EPOCH_MILLIS_FROM = 1_000_000_000_000L;

    public static RateLimitHeaders of(HttpReply reply, Instant now) {
        Long limit = reply.header("X-RateLimit-Limit").flatMap(RateLimitHeaders::parseLong).orElse(null);
        Long remaining = reply.header("X-RateLimit-Remaining").flatMap(RateLimitHeaders::parseLong).orElse(null);
        Instant reset = reply.header("X-RateLimit-Reset").flatMap(value -> parseInstant(value, now)).orElse(null);
        Duration retryAfter = reply.header("Retry-After").flatMap(value -> parseRetryAfter(value, now)).orElse(null);
        return new RateLimitHeaders(limit, remaining, reset, retryAfter);
    }

    /** How long a 429 asks us to wait: Retry-After, else until the window resets; empty if neither. */
    public Optional<Duration> waitAfterRateLimit(Instant now) {
        if (retryAfter != null) {
            return Optional.of(retryAfter);
        }
        return Optional.ofNullable(reset).filter(now::isBefore).map(end -> Duration.between(now, end));
    }

    private static Optional<Instant> parseInstant(String value, Instant now) {
        Optional<Long> number = parseLong(value);
        if (number.isPresent()) {
            long n = number.get();
            if (n >= EPOCH_MILLIS_FROM) {
                return Optional.of(Instant.ofEpochMilli(n));
            }
            return Optional.of(n >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(n) : now.plusSeconds(Math.max(0, n)));
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notIso) {
            return parseHttpDate(value);
        }
    }

    private static Optional<Duration> parseRetryAfter(String value, Instant now) {
        Optional<Long> seconds = parseLong(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.get())));
        }
        return parseHttpDate(value).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    private static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
