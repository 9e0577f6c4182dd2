package dev.switchman.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Switchman in git mode: the desired state comes from {@link GitRemote#shared()} (main, path
 * {@code desired-state}) and the webhook is enabled with {@link #WEBHOOK_SECRET}. The poll interval is
 * long so that only the tests (refreshNow, the webhook) move the checkout.
 */
public final class GitSourceProfile implements QuarkusTestProfile {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchman.source.git.url", GitRemote.shared().url(),
                "switchman.source.git.poll-interval", "1h",
                "switchman.source.webhook.secret", WEBHOOK_SECRET);
    }
}
