package dev.switchman.reconcile;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.railway.RailwayConfig;
import dev.switchman.railway.RailwayStatus;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.EnvironmentControl;
import dev.switchman.store.EnvironmentControlRepository;
import dev.switchman.store.EnvironmentEvent;
import dev.switchman.store.EventRepository;
import dev.switchman.store.LeaderLock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The daemon's loop: every tick, the leading replica starts the environments that are due (see
 * {@link ReconcileScheduler}); a standby only tries to become the leader. Requests from the API
 * (reconcile now, suspend, resume) go through the state store, so they reach whichever replica
 * leads and survive restarts. On shutdown no run starts, runs in progress get a bounded grace, then
 * the leader lock is released.
 */
@ApplicationScoped
public class ReconcileLoop {

    private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);

    private final SwitchmanConfig.Reconcile settings;
    private final DesiredStateHolder holder;
    private final EnvironmentControlRepository controls;
    private final EventRepository events;
    private final LeaderLock leaderLock;
    private final ExecutorService executor;
    private final ReconcileScheduler scheduler;
    private volatile boolean running;
    private volatile Instant lastTickAt;
    private Instant nextLeaderCheck = Instant.MIN;

    public ReconcileLoop(SwitchmanConfig config, DesiredStateHolder holder, EnvironmentReconciler reconciler,
            EnvironmentControlRepository controls, EventRepository events, LeaderLock leaderLock,
            RailwayStatus railway, RailwayConfig railwayConfig) {
        this.settings = config.reconcile();
        this.holder = holder;
        this.controls = controls;
        this.events = events;
        this.leaderLock = leaderLock;
        this.executor = Executors.newFixedThreadPool(settings.workers(), threads());
        this.scheduler = new ReconcileScheduler(reconciler, holder::current,
                environment -> holder.invalidDiagnostics(environment).isEmpty() ? ""
                        : String.valueOf(holder.status().latestRevision()), controls, executor,
                InstantSource.system(), new RunDelays(settings.initialBackoff(), settings.maxBackoff(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                new RailwayBudget(railway, railwayConfig.readBatch()));
    }

    void start(@Observes StartupEvent started) {
        running = settings.enabled();
        LOG.infof(running ? "reconcile loop started (%d worker(s))" : "reconcile loop disabled", settings.workers());
    }

    @Scheduled(identity = "reconcile-tick", every = "${switchman.reconcile.tick-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        if (running) {
            tick();
        }
    }

    /** One pass: keep or try the leader lock, then start what is due if this replica leads. */
    public List<String> tick() {
        Instant now = Instant.now();
        lastTickAt = now;
        if (!now.isBefore(nextLeaderCheck)) {
            nextLeaderCheck = now.plus(settings.leaderCheckInterval());
            leaderLock.tryAcquire();
        }
        return leaderLock.isLeader() ? scheduler.tick() : List.of();
    }

    /** Asks for a reconcile of {@code environment} at the next tick of the leading replica. */
    public void trigger(DesiredEnvironment environment, String why) {
        controls.requestReconcile(environment.project(), environment.name(), Instant.now());
        record(environment, "ReconcileRequested", "a reconcile was requested (" + why + ")");
    }

    /**
     * Stops acting on {@code environment} until {@link #resume} (it is still read and its pending
     * changes reported); kept in the store across restarts.
     */
    public void suspend(DesiredEnvironment environment, String reason) {
        controls.suspend(environment.project(), environment.name(), Instant.now(), reason);
        record(environment, "Suspended", reason == null ? "suspended through the API" : "suspended: " + reason);
    }

    /** Lifts a suspension made through the API; {@code policy.suspend} in the YAML still applies. */
    public void resume(DesiredEnvironment environment) {
        controls.resume(environment.project(), environment.name());
        record(environment, "Resumed", "resumed through the API");
    }

    /** Whether the environment is suspended, and by what: empty when it is not. */
    public Optional<String> suspendedBy(DesiredEnvironment environment) {
        if (environment.policy().suspend()) {
            return Optional.of("policy");
        }
        return controls.find(environment.project(), environment.name())
                .filter(EnvironmentControl::suspended).map(c -> "api");
    }

    /** Declared environments suspended through the API or by {@code policy.suspend}. */
    public long suspendedCount() {
        Set<String> byApi = controls.list().stream().filter(EnvironmentControl::suspended)
                .map(EnvironmentControl::qualifiedName).collect(Collectors.toSet());
        return holder.current().map(state -> state.environments().stream()
                .filter(e -> e.policy().suspend() || byApi.contains(e.qualifiedName())).count()).orElse(0L);
    }

    public Optional<EnvironmentSchedule> schedule(String qualifiedName) {
        return scheduler.schedule(qualifiedName);
    }

    public List<EnvironmentSchedule> schedules() {
        return scheduler.schedules();
    }

    /** What the liveness check and metrics need, read at once. */
    public LoopHealth health() {
        return new LoopHealth(settings.enabled(), leaderLock.isLeader(), lastTickAt, settings.tickInterval(),
                scheduler.oldestRunStartedAt().orElse(null), settings.runTimeout(),
                scheduler.fit().stretched() ? scheduler.fit().describe(scheduler.schedules().size()) : null);
    }

    void stop(@Observes ShutdownEvent stopping) {
        LOG.info("reconcile loop stopping: no new runs; waiting for the current ones");
        running = false;
        scheduler.stop();
        executor.shutdown();
        // a shutdown signal may have interrupted this thread: the grace period must still be waited
        boolean interrupted = Thread.interrupted();
        try {
            if (!executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("runs still going after %s: interrupting them; the next leader re-plans from Railway's state",
                        settings.shutdownGrace());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            interrupted = true;
        } finally {
            leaderLock.release();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(DesiredEnvironment environment, String reason, String message) {
        events.append(EnvironmentEvent.of(environment.project(), environment.name(), Instant.now(), "Normal",
                reason, message, null));
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "switchman-reconcile-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
