package dev.switchman.apply;

import dev.switchman.plan.Plan;
import dev.switchman.railway.RailwayException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What applying a plan did.
 *
 * @param plan the plan actually applied: the one given, or a re-plan made when Railway's configEtag
 *     had moved since it was planned
 * @param replans how many times the plan was made again on fresh state before writing
 * @param applied addresses of the changes Railway accepted, in the order sent
 * @param createdServices services created, name -> Railway id
 * @param deploymentsStarted services deployed, name -> deployment id
 * @param failures what did not happen and why; after a Railway failure nothing further is sent
 */
public record ApplyReport(
        Plan plan,
        int replans,
        List<String> applied,
        Map<String, String> createdServices,
        Map<String, String> deploymentsStarted,
        List<Failure> failures) {

    public ApplyReport {
        applied = List.copyOf(applied);
        createdServices = Collections.unmodifiableMap(new LinkedHashMap<>(createdServices));
        deploymentsStarted = Collections.unmodifiableMap(new LinkedHashMap<>(deploymentsStarted));
        failures = List.copyOf(failures);
    }

    /** Why something was not applied. */
    public enum FailureKind {
        /** Network, 5xx or a timeout: try again later. */
        TRANSIENT,
        /** Railway's rate limit outlasted the client's patience. */
        RATE_LIMITED,
        /** Railway's configEtag kept moving while re-planning, or Railway reported a stale base. */
        CONFLICT,
        /** Someone else's staged (uncommitted) changes sit in the environment; committing would publish them. */
        STAGED_CHANGES_PENDING,
        /** Railway refused the request as written, or an id was not found. */
        REJECTED,
        /** The token cannot do this. */
        UNAUTHORIZED,
        /** The change needs a Railway call Switchman does not make yet (volume create, mount path). */
        UNSUPPORTED
    }

    /**
     * @param address the change's address, or {@code environment} for the whole plan
     * @param cause Railway's refusal or failure, which decides what happens next; null when the failure is the
     *     apply's own (unsupported, someone else's staged changes)
     */
    public record Failure(String address, FailureKind kind, String message, RailwayException cause) {

        public Failure(String address, FailureKind kind, String message) {
            this(address, kind, message, null);
        }

        static Failure of(String address, RailwayException cause) {
            return new Failure(address, kindOf(cause), cause.getMessage(), cause);
        }
    }

    /** The failure kind a Railway exception is reported as. */
    static FailureKind kindOf(RailwayException failure) {
        return switch (failure) {
            case RailwayException.Transient t -> FailureKind.TRANSIENT;
            case RailwayException.RateLimited r -> FailureKind.RATE_LIMITED;
            case RailwayException.Conflict c -> FailureKind.CONFLICT;
            case RailwayException.NotFound n -> FailureKind.REJECTED;
            case RailwayException.Rejected r -> FailureKind.REJECTED;
            case RailwayException.Unauthorized u -> FailureKind.UNAUTHORIZED;
        };
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    /** True when Railway may have been changed by this apply. */
    public boolean wroteAnything() {
        return !applied.isEmpty() || !createdServices.isEmpty() || !deploymentsStarted.isEmpty();
    }
}
