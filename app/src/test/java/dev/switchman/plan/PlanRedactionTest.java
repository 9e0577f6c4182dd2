package dev.switchman.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchman.desired.DesiredEnvironment;
import dev.switchman.desired.Policy;
import dev.switchman.desired.Secrets;
import dev.switchman.desired.ServiceSpec;
import dev.switchman.desired.VariableValue;
import dev.switchman.desired.diagnostic.SourceLocation;
import dev.switchman.observed.ObservedEnvironment;
import dev.switchman.observed.ObservedService;
import dev.switchman.observed.ObservedVariable;
import dev.switchman.settings.Setting;
import dev.switchman.settings.SettingValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No secret value, new or current, reaches a rendering, a toString or a note. */
class PlanRedactionTest {

    private static final String NEW_SECRET = "new-secret-value-1d8f";
    private static final String OLD_SECRET = "current-secret-value-77ab";
    private static final Secrets SECRETS = name -> Optional.ofNullable(Map.of("API_KEY", NEW_SECRET).get(name));

    private static ServiceSpec service(String name, Map<String, VariableValue> variables) {
        return new ServiceSpec(name, SettingValues.of(Map.of(Setting.SOURCE_IMAGE, "img/" + name + ":1")), variables,
                List.of(), List.of(), null, SourceLocation.UNKNOWN);
    }

    private static Plan plan() {
        Map<String, VariableValue> secret = Map.of("API_KEY", new VariableValue.SecretRef("API_KEY"),
                "MISSING", new VariableValue.SecretRef("NOT_AVAILABLE"));
        DesiredEnvironment desired = new DesiredEnvironment("p", "production", null,
                Map.of("existing", service("existing", secret), "created", service("created", secret)),
                Map.of("SHARED_KEY", new VariableValue.SecretRef("API_KEY")), Map.of(),
                new Policy(Policy.DriftMode.SELF_HEAL, true, Policy.RollbackMode.AUTOMATIC, null, false),
                SourceLocation.UNKNOWN);
        ObservedService existing = new ObservedService("id", "existing", Map.of("source.image", "img/existing:1"),
                Map.of("API_KEY", ObservedVariable.of(OLD_SECRET), "REMOVED", ObservedVariable.of(OLD_SECRET)),
                null, null);
        ObservedEnvironment observed = new ObservedEnvironment("env", "production", "p", "etag", 0,
                Map.of("existing", existing), Map.of("SHARED_KEY", ObservedVariable.of(OLD_SECRET)));
        LastApplied last = new LastApplied(null, Set.of(),
                Map.of(VariableScope.service("existing"), Map.of("REMOVED", Fingerprint.sha256(OLD_SECRET))), Map.of());
        return Planner.plan("rev", desired, observed, last, SECRETS);
    }

    @Test
    void secretsAreWrittenByTheExecutorButNeverRendered() {
        Plan plan = plan();
        assertThat(plan.changes()).extracting(Change::address).contains("shared.SHARED_KEY",
                "variable.existing.API_KEY", "variable.existing.REMOVED", "service.created");
        assertThat(plan.blockers()).extracting(PlanNote::message).allMatch(m -> m.contains("NOT_AVAILABLE"));
        String everything = PlanRenderer.text(plan) + PlanRenderer.json(plan) + plan + plan.changes();
        assertThat(everything).doesNotContain(NEW_SECRET).doesNotContain(OLD_SECRET).contains(PlannedValue.REDACTED);
        Change.VariableSet set = plan.changes().stream().filter(Change.VariableSet.class::isInstance)
                .map(Change.VariableSet.class::cast).filter(c -> c.name().equals("API_KEY")).findFirst().orElseThrow();
        assertThat(((PlannedValue.Secret) set.after()).reveal()).contains(NEW_SECRET);
        assertThat(set.before().sensitive()).isTrue();
    }

    @Test
    void planningIsDeterministic() {
        assertThat(PlanRenderer.json(plan())).isEqualTo(PlanRenderer.json(plan()));
        assertThat(plan()).isEqualTo(plan());
    }
}
