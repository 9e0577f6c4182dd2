package dev.switchman.notify;

import dev.switchman.store.NotificationDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One message to one target: POSTs it, and on a network error, a timeout, 408, 429 or 5xx schedules the
 * next attempt (never sleeping on a thread) until it is delivered or the attempts run out. Other 4xx are
 * final: the receiver will not change its mind.
 */
final class Delivery implements Runnable {

    /** Who gets the message and what the log says about it; {@code label} never holds the URL. */
    record Target(String type, String label, URI url) {
    }

    private final HttpClient http;
    private final NotifySettings settings;
    private final ScheduledExecutorService scheduler;
    private final Notification notification;
    private final Target target;
    private final String body;
    private final Consumer<NotificationDelivery> done;
    private final List<Long> waitsMillis = new ArrayList<>();
    private int attempts;

    Delivery(HttpClient http, NotifySettings settings, ScheduledExecutorService scheduler, Notification notification,
            Target target, String body, Consumer<NotificationDelivery> done) {
        this.http = http;
        this.settings = settings;
        this.scheduler = scheduler;
        this.notification = notification;
        this.target = target;
        this.body = body;
        this.done = done;
    }

    @Override
    public void run() {
        attempts++;
        Integer status = null;
        Optional<Duration> retryAfter = Optional.empty();
        String error;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target.url())
                    .timeout(settings.requestTimeout()).header("Content-Type", "application/json")
                    .header("User-Agent", "switchman").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                finish("delivered", status, null);
                return;
            }
            error = "HTTP " + status;
            if (status != 408 && status != 429 && status < 500) {
                finish("rejected", status, error);
                return;
            }
            if (status == 429) {
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now());
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish("dropped", null, "interrupted while stopping");
            return;
        }
        retryOrFail(status, error, retryAfter);
    }

    private void retryOrFail(Integer status, String error, Optional<Duration> retryAfter) {
        if (attempts >= settings.maxAttempts()) {
            finish("failed", status, error + " after " + attempts + " attempt(s)");
            return;
        }
        Duration wait = settings.waitBefore(attempts + 1, retryAfter);
        waitsMillis.add(wait.toMillis());
        try {
            scheduler.schedule(this, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            finish("dropped", status, error + "; not retried: the daemon is stopping");
        }
    }

    private void finish(String result, Integer status, String error) {
        done.accept(new NotificationDelivery(notification.environment(), notification.service(),
                notification.kind().eventName(), target.label(), result, attempts, status,
                error == null ? null : error.replace(target.url().toString(), "(url)"), waitsMillis, Instant.now()));
    }
}
