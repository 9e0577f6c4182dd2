package dev.switchman.reconcile;

import dev.switchman.config.SwitchmanConfig;
import dev.switchman.desired.Secrets;
import dev.switchman.notify.Notifier;
import dev.switchman.notify.NotifySettings;
import dev.switchman.source.DesiredStateHolder;
import dev.switchman.store.NotificationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The {@link Notifier} bean: targets and secrets of the desired state in force, settings from {@code switchman.notify.*}. */
@Singleton
class NotifierProducer {

    @Produces
    @Singleton
    Notifier notifier(SwitchmanConfig config, DesiredStateHolder desired, NotificationRepository store,
            MeterRegistry registry, Secrets secrets) {
        SwitchmanConfig.Notify notify = config.notifications();
        NotifySettings settings = new NotifySettings(notify.enabled(), notify.maxAttempts(), notify.initialBackoff(),
                notify.maxBackoff(), notify.maxRetryAfter(), notify.connectTimeout(), notify.requestTimeout(),
                notify.queueCapacity(), notify.deliveryThreads());
        return new Notifier(settings, name -> desired.current().flatMap(state -> state.environment(name)),
                secrets, store, registry);
    }

    void close(@Disposes Notifier notifier) {
        notifier.close();
    }
}
