package dev.switchman.retention;

import dev.switchman.config.RetentionConfig;
import dev.switchman.config.SwitchmanConfig;
import dev.switchman.store.LeaderLock;
import dev.switchman.store.StateRetention;
import dev.switchman.store.StoreException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Prunes the state store's history every {@code switchman.retention.interval} on the leading replica (a standby
 * would only race it), first half a minute after start so a daemon that restarts often still prunes.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final RetentionConfig config;
    private final LeaderLock leader;
    private final StateRetention retention;

    RetentionJob(SwitchmanConfig config, LeaderLock leader, StateRetention retention) {
        this.config = config.retention();
        this.leader = leader;
        this.retention = retention;
    }

    @Scheduled(identity = "state-retention", every = "${switchman.retention.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        if (config.enabled() && leader.isLeader()) {
            try {
                prune(Instant.now());
            } catch (StoreException e) {
                LOG.warnf("pruning the state store's history failed, trying again in %s: %s", config.interval(),
                        e.getMessage());
            }
        }
    }

    /** Prunes what the settings no longer keep at {@code now}. */
    public StateRetention.Pruned prune(Instant now) {
        StateRetention.Pruned pruned = retention.prune(limits(config), now);
        if (pruned.total() > 0) {
            LOG.infof("pruned the state store's history: %d run(s), %d event(s), %d rollout(s), %d notification"
                    + " deliveries", pruned.runs(), pruned.events(), pruned.rollouts(), pruned.deliveries());
        }
        return pruned;
    }

    /** The limits {@code switchman.retention.*} sets. */
    public static StateRetention.Limits limits(RetentionConfig config) {
        return new StateRetention.Limits(config.maxAge(), config.maxRuns(), config.maxEvents(), config.maxRollouts(),
                config.maxDeliveries());
    }
}
