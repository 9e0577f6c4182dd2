package dev.switchman.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.diagnostic.Diagnostic;
import dev.switchman.settings.Setting;
import dev.switchman.testing.RepositoryRoot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in desired-state/ are real: they load without a single diagnostic. */
class ExamplesTest {

    @Test
    void djangoApiLoadsWithoutDiagnostics() {
        LoadResult result = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api"));

        assertThat(result.diagnostics()).extracting(Diagnostic::render).isEmpty();
        DesiredState state = result.state();
        assertThat(state.revision()).matches("sha256:[0-9a-f]{12}");
        assertThat(state.environments()).extracting(DesiredEnvironment::qualifiedName)
                .containsExactly("django-api/production", "django-api/staging"); // file order
        DesiredEnvironment production = state.environment("django-api/production").orElseThrow();
        ServiceSpec backend = production.services().get("backend");
        assertThat(backend.settings().byPath()).containsEntry("source.repo", "acme/django-api")
                .containsEntry("source.branch", "main").doesNotContainKeys("source.image", "source.rootDirectory");
        assertThat(backend.settings().get(Setting.DEPLOY_NUM_REPLICAS)).isEqualTo(2);
        assertThat(backend.settings().strings(Setting.DEPLOY_PRE_DEPLOY_COMMAND))
                .containsExactly("python manage.py migrate --no-input");
        assertThat(backend.requiredVariables()).containsExactly("SENTRY_DSN");
        assertThat(backend.variables()).containsEntry("SECRET_KEY", new VariableValue.SecretRef("DJANGO_SECRET_KEY"))
                .containsEntry("DATABASE_URL", new VariableValue.Literal("${{postgres.DATABASE_URL}}"));
        assertThat(backend.verify().soak()).isEqualTo(Duration.ofMinutes(2));
        assertThat(backend.verify().checks().get(1).json().get(1).oneOf()).containsExactly("healthy", "degraded");
        assertThat(backend.location().file()).isEqualTo("production.yaml");
        assertThat(production.policy().drift()).isEqualTo(Policy.DriftMode.SELF_HEAL);

        DesiredEnvironment staging = state.environment("django-api/staging").orElseThrow();
        assertThat(staging.services().get("backend").settings().get(Setting.SOURCE_BRANCH)).isEqualTo("develop");
        assertThat(staging.services().get("backend").settings().get(Setting.DEPLOY_NUM_REPLICAS)).isNull();
        assertThat(staging.policy().drift()).isEqualTo(Policy.DriftMode.REPORT_ONLY);
        assertThat(staging.databases().get("main").backups().retention())
                .isEqualTo(new DatabaseSpec.Retention(7, 4, 12));
    }

    @Test
    void ticketingLoadsWithoutDiagnostics() {
        LoadResult result = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/ticketing"));

        assertThat(result.diagnostics()).extracting(Diagnostic::render).isEmpty();
        DesiredEnvironment production = result.state().environment("ticketing/production").orElseThrow();
        assertThat(production.services()).containsOnlyKeys("auth", "tickets", "notifications", "workflow-api",
                "postgres");
        assertThat(production.services().get("workflow-api").dependsOn())
                .containsExactly("auth", "tickets", "notifications");
        assertThat(production.databases().get("tickets").migrations().path()).isEqualTo("migrations");
        assertThat(result.state().environment("ticketing/staging").orElseThrow().sharedVariables())
                .containsEntry("LOG_LEVEL", new VariableValue.Literal("debug"));
    }

    @Test
    void examplesListTheSecretsTheyReference() {
        assertThat(DesiredStateValidator.secretNames(DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api"))
                .state())).isEqualTo(List.of("DJANGO_API_SLACK_WEBHOOK_URL", "DJANGO_DATABASE_URL",
                "DJANGO_SECRET_KEY", "SENTRY_DSN"));
        assertThat(DesiredStateValidator.secretNames(DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/ticketing"))
                .state())).isEqualTo(List.of("TICKETING_DATABASE_URL", "TICKETING_INTERNAL_API_TOKEN",
                "TICKETING_WEBHOOK_URL"));
    }

    @Test
    void theRevisionDependsOnlyOnContent() {
        String first = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api")).state().revision();
        String again = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/django-api")).state().revision();
        String other = DesiredStateLoader.load(RepositoryRoot.resolve("desired-state/ticketing")).state().revision();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
