package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.testing.RepositoryRoot;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    private final DesiredState state = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api")).state();

    @Test
    void everyUnresolvedSecretIsAnErrorNamingItAndWhereItIsUsed() {
        Secrets onlySecretKey = name -> name.equals("DJANGO_SECRET_KEY") ? Optional.of("s3cr3t-value")
                : Optional.empty();

        assertThat(DesiredStateValidator.checkSecrets(state, onlySecretKey)).extracting(Diagnostic::render)
                .containsExactly(
                        "production.yaml:16:9: error: production.services.backend.variables.SENTRY_DSN: secret"
                                + " SENTRY_DSN is not available: set it in the daemon's environment or its secrets"
                                + " directory",
                        "production.yaml:23:9: error: production.notifications[0].slack.webhookUrl: secret"
                                + " DJANGO_API_SLACK_WEBHOOK_URL is not available: set it in the daemon's environment"
                                + " or its secrets directory",
                        "project.yaml:57:9: error: production.databases.main.url: secret DJANGO_DATABASE_URL is not"
                                + " available: set it in the daemon's environment or its secrets directory",
                        "project.yaml:57:9: error: staging.databases.main.url: secret DJANGO_DATABASE_URL is not"
                                + " available: set it in the daemon's environment or its secrets directory");
    }

    @Test
    void valuesNeverAppearInDiagnostics() {
        Secrets all = name -> Optional.of("value-of-" + name);
        Secrets allButOne = name -> name.equals("SENTRY_DSN") ? Optional.empty() : Optional.of("value-of-" + name);

        assertThat(DesiredStateValidator.checkSecrets(state, all)).isEmpty();
        assertThat(DesiredStateValidator.checkSecrets(state, allButOne)).extracting(Diagnostic::render)
                .hasSize(1).noneMatch(line -> line.contains("value-of-"));
    }
}
