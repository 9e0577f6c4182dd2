package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.testing.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code notifications} field: bound per environment, inherited as a whole, validated, its secrets checked. */
class NotificationTargetsTest {

    @TempDir
    Path root;

    @Test
    void examplesDeclareASlackTargetAndAGenericWebhook() {
        DesiredState django = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api")).state();
        DesiredState ticketing = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/ticketing")).state();

        assertThat(django.environment("django-api/production").orElseThrow().notifications()).containsExactly(
                new NotificationTarget.Slack(new VariableValue.SecretRef("DJANGO_API_SLACK_WEBHOOK_URL"), List.of()));
        assertThat(django.environment("django-api/staging").orElseThrow().notifications()).isEmpty();
        NotificationTarget webhook = ticketing.environment("ticketing/production").orElseThrow().notifications().get(0);
        assertThat(webhook).isInstanceOf(NotificationTarget.Webhook.class);
        assertThat(webhook.accepts("driftDetected")).isTrue();
        assertThat(webhook.accepts("rolloutStarted")).isFalse();
    }

    @Test
    void aLiteralUrlAndDefaultsReplacedByTheEnvironmentsList() {
        Trees.write(root, "project.yaml", Trees.PROJECT.replace("  defaults:\n", """
                  defaults:
                    notifications:
                      - webhook: { url: "https://hooks.example.com/all" }
                """));
        Trees.write(root, "staging.yaml", Trees.environment("staging", "{}"));
        Trees.write(root, "production.yaml", Trees.environment("production", """
                {notifications: [{slack: {webhookUrl: {secretRef: SLACK_URL}}, events: [rolloutFailed]}]}"""));

        LoadResult result = DesiredStateLoader.load(root);

        assertThat(result.hasErrors()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.state().environment("shop/staging").orElseThrow().notifications()).containsExactly(
                new NotificationTarget.Webhook(new VariableValue.Literal("https://hooks.example.com/all"), List.of()));
        assertThat(result.state().environment("shop/production").orElseThrow().notifications()).containsExactly(
                new NotificationTarget.Slack(new VariableValue.SecretRef("SLACK_URL"), List.of("rolloutFailed")));
        assertThat(DesiredStateValidator.secretNames(result.state())).containsExactly("SLACK_URL");
    }

    @Test
    void aTargetIsExactlyOneKindWithKnownEvents() {
        Trees.write(root, "project.yaml", Trees.PROJECT);
        Trees.write(root, "production.yaml", Trees.environment("production", """
                {notifications: [{webhook: {url: "ftp://x"}, slack: {webhookUrl: {secretRef: S}}, events: [oops]}]}"""));

        LoadResult result = DesiredStateLoader.load(root);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::render)
                .anyMatch(line -> line.contains("notifications[0]") && line.contains("webhook"))
                .anyMatch(line -> line.contains("oops"))
                .anyMatch(line -> line.contains("http"));
    }
}
