package dev.switchman.apply;

import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.RailwayEnvironmentParser;
import dev.switchman.plan.Plan;
import dev.switchman.railway.RailwayApi;
import dev.switchman.railway.RailwayException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a {@link Plan} to Railway and reports what happened.
 *
 * <p>Etag guard: Railway's writes take no base etag, so Railway cannot refuse a write made on stale state.
 * Unless the plan was made on a read of a moment ago, the executor therefore re-reads the environment (one
 * request) right before its first write; if the {@code configEtag} moved since the plan was made, it writes
 * nothing and plans again on the fresh state, at most {@link #MAX_REPLANS} times. Once writing starts, the etag moves with every write of
 * ours and is not checked again.
 *
 * <p>Writes (docs/railway-writes.md): every setting and variable goes into one config patch, staged and
 * committed without deploying, then one deploy per service. Railway commits the <em>whole</em> staged patch, so
 * when someone else's edits are already staged ({@code unmergedChangesCount > 0}) settings and variables go out
 * field by field instead, and what only a patch can say is not applied at all: the report says
 * {@link ApplyReport.FailureKind#STAGED_CHANGES_PENDING}. A write whose answer is lost is looked up before it is
 * sent again ({@link WriteRecovery}).
 */
public final class PlanExecutor {

    /** How often a plan is made again because Railway changed between planning and writing. */
    public static final int MAX_REPLANS = 3;

    /** Plans again on state read just now. */
    @FunctionalInterface
    public interface Replanner {
        Plan replan(ObservedEnvironment fresh);
    }

    private final RailwayApi railway;
    private final WriteRecovery recovery;
    private final ProjectLocks locks = new ProjectLocks();

    public PlanExecutor(RailwayApi railway) {
        this(railway, WriteRecovery.DEFAULT);
    }

    /** @param recovery how long a write whose answer was lost is looked for before it is sent again */
    public PlanExecutor(RailwayApi railway, WriteRecovery recovery) {
        this.railway = railway;
        this.recovery = recovery;
    }

    /**
     * Applies {@code plan} (which must carry the environment id and the etag it was made on).
     * Never throws for Railway failures: they end up in {@link ApplyReport#failures()}.
     */
    public ApplyReport execute(Plan plan, Replanner replanner, ServiceInventory inventory) {
        return execute(plan, null, replanner, inventory);
    }

    /**
     * As above; {@code observed} is the state the plan was made on, enough for a plan that only deploys
     * (deployments owed from an earlier run): nothing is written, so nothing is re-read.
     */
    public ApplyReport execute(Plan plan, ObservedEnvironment observed, Replanner replanner,
            ServiceInventory inventory) {
        return execute(plan, observed, null, replanner, inventory);
    }

    /**
     * As above; {@code observedAt} is when Railway gave {@code observed}: a plan made on a read younger than
     * {@link WriteRecovery#guardAfter} is written without reading again, since nothing could have changed in
     * between that the first write would not meet anyway.
     */
    public ApplyReport execute(Plan plan, ObservedEnvironment observed, Instant observedAt, Replanner replanner,
            ServiceInventory inventory) {
        Objects.requireNonNull(plan.environmentId(), "the plan names no Railway environment");
        if (!plan.isApplicable() || plan.changes().isEmpty() && (plan.redeploys().isEmpty() || observed == null)) {
            return report(plan, 0, null);
        }
        if (plan.changes().isEmpty()) {
            return deployOnly(plan, observed, 0, inventory);
        }
        Plan current = plan;
        boolean justRead = observed != null && observedAt != null
                && Duration.between(observedAt, Instant.now()).compareTo(recovery.guardAfter()) < 0;
        try {
            for (int replans = 0; ; replans++) {
                ObservedEnvironment fresh = replans == 0 && justRead ? observed
                        : RailwayEnvironmentParser.parse(railway.environmentState(plan.environmentId()));
                if (Objects.equals(fresh.configEtag(), current.baseConfigEtag())) {
                    return apply(current, replans, fresh, inventory);
                }
                if (replans == MAX_REPLANS) {
                    return failed(current, replans, ApplyReport.FailureKind.CONFLICT, "Railway's configEtag moved "
                            + (MAX_REPLANS + 1) + " times while planning; nothing was written");
                }
                current = replanner.replan(fresh);
                if (!current.isApplicable() || current.changes().isEmpty() && current.redeploys().isEmpty()) {
                    return report(current, replans + 1, null);
                }
                if (current.changes().isEmpty()) {
                    return deployOnly(current, fresh, replans + 1, inventory);
                }
            }
        } catch (RailwayException failure) {
            return new ApplyReport(current, 0, List.of(), Map.of(), Map.of(),
                    List.of(ApplyReport.Failure.of("environment", failure)));
        }
    }

    private ApplyReport apply(Plan plan, int replans, ObservedEnvironment fresh, ServiceInventory inventory) {
        ApplyRun run = new ApplyRun(railway, fresh, plan, inventory, recovery, locks);
        if (run.groups().needsStagedPatch() && fresh.unmergedChangesCount() > 0) {
            return failed(plan, replans, ApplyReport.FailureKind.STAGED_CHANGES_PENDING,
                    fresh.unmergedChangesCount() + " staged change(s) by someone else wait in the environment;"
                            + " Switchman would publish them with its own; commit or discard them on Railway");
        }
        run.run();
        return report(plan, replans, run);
    }

    /** A plan that only deploys (owed deployments): nothing is written, so nothing needs the etag guard. */
    private ApplyReport deployOnly(Plan plan, ObservedEnvironment observed, int replans, ServiceInventory inventory) {
        ApplyRun run = new ApplyRun(railway, observed, plan, inventory, recovery, locks);
        run.run();
        return report(plan, replans, run);
    }

    private static ApplyReport failed(Plan plan, int replans, ApplyReport.FailureKind kind, String message) {
        return new ApplyReport(plan, replans, List.of(), Map.of(), Map.of(),
                List.of(new ApplyReport.Failure("environment", kind, message)));
    }

    private static ApplyReport report(Plan plan, int replans, ApplyRun run) {
        return run == null
                ? new ApplyReport(plan, replans, List.of(), Map.of(), Map.of(), List.of())
                : new ApplyReport(plan, replans, run.applied, run.created, run.deployments, run.failures);
    }
}
