package dev.switchman.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * News about one environment (and service) worth telling people.
 *
 * @param environment the environment, {@code project/name}
 * @param service the service, or {@code ""} for the environment as a whole
 * @param stateKey what makes this state distinct within its kind (a revision, a deployment id, a fingerprint
 *     of drifted fields): the same kind and key for the same slot is sent once
 * @param reason one human sentence: Railway's failure reason, the failing check and its HTTP status, ...
 * @param details extra facts (revision, deployment ids, check, status); never secret values
 * @param occurredAt when it happened
 */
public record Notification(String environment, String service, NotificationKind kind, String stateKey, String reason,
        Map<String, String> details, Instant occurredAt) {

    public Notification {
        service = service == null ? "" : service;
        stateKey = stateKey == null ? "" : stateKey;
        reason = reason == null ? "" : reason;
        details = Collections.unmodifiableMap(new TreeMap<>(details == null ? Map.of() : details));
        occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    }

    /** A notification happening now. */
    public static Notification of(String environment, String service, NotificationKind kind, String stateKey,
            String reason, Map<String, String> details) {
        return new Notification(environment, service, kind, stateKey, reason, details, Instant.now());
    }

    /** The environment's project: the part of {@link #environment} before the slash. */
    public String project() {
        int slash = environment.indexOf('/');
        return slash < 0 ? "" : environment.substring(0, slash);
    }

    /** The environment's own name: the part of {@link #environment} after the slash. */
    public String environmentName() {
        return environment.substring(environment.indexOf('/') + 1);
    }

    /**
     * The service whose alert slot this notification uses: {@code ""} for rollout news, since a rollout is one
     * alert for the environment (the service is part of its state key); otherwise {@link #service}.
     */
    public String alertService() {
        return kind.topic() == NotificationKind.Topic.ROLLOUT ? "" : service;
    }

    /** The same notification with {@code redactor} applied to every text in it, before it leaves the daemon. */
    public Notification redacted(UnaryOperator<String> redactor) {
        Map<String, String> clean = new TreeMap<>();
        details.forEach((key, value) -> clean.put(key, redactor.apply(value)));
        return new Notification(environment, service, kind, redactor.apply(stateKey), redactor.apply(reason), clean,
                occurredAt);
    }

    /** The same notification with another state key. */
    public Notification withStateKey(String key) {
        return new Notification(environment, service, kind, key, reason, details, occurredAt);
    }
}
