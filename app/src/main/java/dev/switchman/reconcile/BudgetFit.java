package dev.switchman.reconcile;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/**
 * How often the declared environments can be read within their share of the hourly API budget. At rest each
 * environment costs one read per interval, and reads go out in batches of up to {@code batch} environments per
 * request; when the declared intervals would need more than {@link #STEADY_SHARE} of the budget, every interval is
 * stretched by the same factor, so that the rest stays free for writes and rollouts. Pure.
 *
 * @param stretch 1 when everything fits, else what each declared interval is multiplied by
 * @param readsPerHour requests per hour the declared intervals need at rest
 * @param perHour the hourly budget
 */
record BudgetFit(double stretch, double readsPerHour, int perHour) {

    /** The share of the hourly budget steady state may use. */
    static final double STEADY_SHARE = 0.5;

    static final BudgetFit UNLIMITED = new BudgetFit(1, 0, Integer.MAX_VALUE);

    static BudgetFit of(Collection<Duration> intervals, int perHour, int batch) {
        if (intervals.isEmpty() || perHour <= 0) {
            return new BudgetFit(1, 0, perHour);
        }
        double reads = intervals.stream().mapToDouble(i -> 3600.0 / Math.max(1, i.toSeconds())).sum()
                / Math.max(1, Math.min(batch, intervals.size()));
        return new BudgetFit(Math.max(1, reads / (STEADY_SHARE * perHour)), reads, perHour);
    }

    boolean stretched() {
        return stretch > 1.0001;
    }

    Duration effective(Duration declared) {
        return stretched() ? Duration.ofMillis((long) Math.ceil(declared.toMillis() * stretch)) : declared;
    }

    /** One sentence for the log and the health check. */
    String describe(int environments) {
        return String.format(Locale.ROOT, "%d environment(s) at their declared intervals need %.0f reads per"
                + " hour, more than half of the budget of %d; every interval is stretched %.2fx", environments,
                readsPerHour, perHour, stretch);
    }
}
