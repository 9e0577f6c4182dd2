package dev.switchman.desired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to check after a deployment of the service reaches SUCCESS on Railway.
 *
 * @param baseUrl where the checks go, or null to use the service's Railway domain
 * @param soak how long the checks keep running before the rollout counts as verified
 * @param interval time between two rounds of checks
 * @param failureThreshold consecutive failed rounds that fail the rollout
 * @param timeout per-request timeout
 * @param checks the checks of one round
 */
public record VerificationSpec(
        String baseUrl,
        Duration soak,
        Duration interval,
        int failureThreshold,
        Duration timeout,
        List<CheckSpec> checks) {

    public VerificationSpec {
        checks = List.copyOf(checks);
    }

    /**
     * One HTTP check.
     *
     * @param expectStatus HTTP statuses that count as healthy
     * @param maxLatency slower answers fail the check, or null for no limit
     * @param json expectations on the JSON body, all of which must hold
     */
    public record CheckSpec(String name, String path, List<Integer> expectStatus, Duration maxLatency,
            List<JsonExpectation> json) {

        public CheckSpec {
            expectStatus = List.copyOf(expectStatus);
            json = List.copyOf(json);
        }
    }

    /**
     * An expectation on a JSON body. {@code path} is a dotted path ({@code checks.database.status});
     * with {@code each}, the path is applied to every member of the object or array that
     * {@code each} selects and that matches all of {@code where} (for example every check whose
     * {@code critical} is true).
     *
     * @param each dotted path of a collection, or null
     * @param where field values a member must have to be checked; empty = all
     * @param path dotted path of the value (relative to each member when {@code each} is set)
     * @param oneOf allowed values (strings, numbers, booleans)
     */
    public record JsonExpectation(String each, Map<String, Object> where, String path, List<Object> oneOf) {

        public JsonExpectation {
            where = where == null ? Map.of() : Map.copyOf(where);
            oneOf = List.copyOf(oneOf);
        }
    }
}
