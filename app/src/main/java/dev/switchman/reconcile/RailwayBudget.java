package dev.switchman.reconcile;

import dev.switchman.railway.ApiBudget;
import dev.switchman.railway.RailwayStatus;
import java.time.Duration;

/** The loop's view of the Railway client's request budget: its size, and each run's time waiting for it. */
final class RailwayBudget implements ReconcileScheduler.Budget {

    private final RailwayStatus railway;
    private final int batch;

    RailwayBudget(RailwayStatus railway, int batch) {
        this.railway = railway;
        this.batch = batch;
    }

    @Override
    public int perHour() {
        return railway.budget().map(ApiBudget::perHour).orElse(Integer.MAX_VALUE);
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public Duration waited(Thread thread) {
        return railway.budget().map(budget -> budget.waited(thread)).orElse(Duration.ZERO);
    }

    @Override
    public void runStarts(Thread thread) {
        railway.budget().ifPresent(budget -> budget.resetWaits(thread));
    }
}
