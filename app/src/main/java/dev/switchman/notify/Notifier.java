package dev.switchman.notify;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.DesiredStateValidator;
import dev.switchman.desired.NotificationTarget;
import dev.switchman.desired.Secrets;
import dev.switchman.redaction.Redactor;
import dev.switchman.store.NotificationAlert;
import dev.switchman.store.NotificationDelivery;
import dev.switchman.store.NotificationRepository;
import dev.switchman.store.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Sends notifications to the targets of their environment. {@link #notify} only queues: deduplication
 * (one thread, so states are decided in the order they were reported) and delivery (a small pool that
 * also runs the retries) happen off the caller's thread, and no failure reaches the caller.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final NotifySettings settings;
    private final Function<String, Optional<DesiredEnvironment>> environments;
    private final Secrets secrets;
    private final NotificationRepository store;
    private final NotifyMetrics metrics;
    private final ExecutorService decisions;
    private final ScheduledExecutorService deliveries;
    private final HttpClient http;
    private final Object quiet = new Object();
    private int pending;

    /**
     * @param environments {@code project/name} -> the environment in force now (its targets and secrets)
     */
    public Notifier(NotifySettings settings, Function<String, Optional<DesiredEnvironment>> environments,
            Secrets secrets, NotificationRepository store, MeterRegistry registry) {
        this.settings = settings;
        this.environments = environments;
        this.secrets = secrets;
        this.store = store;
        this.metrics = new NotifyMetrics(registry);
        this.decisions = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(settings.queueCapacity()), Thread.ofPlatform().daemon()
                        .name("switchman-notify").factory());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.deliveryThreads(),
                Thread.ofPlatform().daemon().name("switchman-notify-delivery-", 0).factory());
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.deliveries = pool;
        this.http = settings.enabled() ? HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build() : null;
    }

    /** A notifier that sends nothing, for reconcilers built without one. */
    public static Notifier disabled() {
        return new Notifier(new NotifySettings(false, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1), name -> Optional.empty(),
                name -> Optional.empty(), null, null);
    }

    /** Queues {@code notification} for its environment's targets; returns at once and never throws. */
    public void notify(Notification notification) {
        if (!settings.enabled()) {
            return;
        }
        started();
        try {
            decisions.execute(() -> {
                try {
                    decideAndSend(notification);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "notification %s for %s not sent", notification.kind().eventName(),
                            notification.environment());
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException full) {
            metrics.count("any", "dropped");
            LOG.warnf("notification %s for %s dropped: the queue is full or the daemon stopping",
                    notification.kind().eventName(), notification.environment());
            finished();
        }
    }

    /** Waits until nothing is queued, in flight or waiting for a retry; false if {@code bound} passed first. */
    public boolean awaitQuiet(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (quiet) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(quiet, left);
            }
            return true;
        }
    }

    private void decideAndSend(Notification notification) {
        Optional<DesiredEnvironment> environment = environments.apply(notification.environment());
        List<NotificationTarget> targets = environment.map(DesiredEnvironment::notifications).orElse(List.of());
        List<Integer> accepting = IntStream.range(0, targets.size())
                .filter(i -> targets.get(i).accepts(notification.kind().eventName())).boxed().toList();
        if (accepting.isEmpty()) {
            return;
        }
        Optional<NotificationAlert> next = AlertLedger.decide(previous(notification), notification);
        if (next.isEmpty()) {
            accepting.forEach(i -> metrics.count(targets.get(i).type(), "deduplicated"));
            return;
        }
        store.saveAlert(next.get());
        Redactor redactor = Redactor.of(DesiredStateValidator.secretValues(environment.get(), secrets));
        Notification clean = notification.redacted(redactor);
        for (int i : accepting) {
            send(clean, targets.get(i), targets.get(i).type() + "#" + i, redactor);
        }
    }

    private Optional<NotificationAlert> previous(Notification n) {
        try {
            return store.alert(n.environment(), n.alertService(), n.kind().topic().label());
        } catch (StoreException e) {
            LOG.warnf("notification state of %s unreadable, sending without deduplication: %s", n.environment(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private void send(Notification n, NotificationTarget target, String label, Redactor redactor) {
        Optional<URI> url = TargetUrls.resolve(target, secrets);
        if (url.isEmpty()) {
            record(new NotificationDelivery(n.environment(), n.service(), n.kind().eventName(), label, "failed", 0,
                    null, "the target's URL is not available or not an http(s) URL", List.of(), Instant.now()),
                    target.type());
            return;
        }
        String body = (target instanceof NotificationTarget.Slack ? Payloads.slack(n) : Payloads.webhook(n)).toString();
        started();
        try {
            deliveries.execute(new Delivery(http, settings, deliveries, n, new Delivery.Target(target.type(), label,
                    url.get()), body, delivery -> {
                        record(withError(delivery, redactor.redact(delivery.error())), target.type());
                        finished();
                    }));
        } catch (RejectedExecutionException stopping) {
            metrics.count(target.type(), "dropped");
            finished();
        }
    }

    private void record(NotificationDelivery delivery, String type) {
        metrics.count(type, delivery.result());
        if (!delivery.result().equals("delivered")) {
            LOG.warnf("notification %s for %s to %s %s: %s", delivery.kind(), delivery.environment(),
                    delivery.target(), delivery.result(), delivery.error());
        }
        try {
            store.logDelivery(delivery);
        } catch (StoreException e) {
            LOG.warnf("notification delivery not logged: %s", e.getMessage());
        }
    }

    private static NotificationDelivery withError(NotificationDelivery d, String error) {
        return new NotificationDelivery(d.environment(), d.service(), d.kind(), d.target(), d.result(), d.attempts(),
                d.httpStatus(), error, d.waitsMillis(), d.finishedAt());
    }

    private void started() {
        synchronized (quiet) {
            pending++;
        }
    }

    private void finished() {
        synchronized (quiet) {
            pending--;
            quiet.notifyAll();
        }
    }

    /**
     * Stops taking notifications, gives those queued and the deliveries under way a moment to finish (so a
     * short-lived {@code switchman apply} still sends its news), and drops retries that would wait longer.
     */
    @Override
    public void close() {
        decisions.shutdown();
        try {
            decisions.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            deliveries.shutdown();
            deliveries.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.shutdownNow();
        if (http != null) {
            http.close();
        }
    }
}
