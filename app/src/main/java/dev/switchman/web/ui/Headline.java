package dev.switchman.web.ui;

import dev.switchman.store.EnvironmentCondition;
import dev.switchman.store.EnvironmentStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one word a person reads first about an environment, its colour, and the condition it comes from.
 *
 * @param reason the end of a sentence, as the conditions say it ({@code RevisionQuarantined})
 * @param message the condition's message, never a secret value (the reconciler writes them so)
 */
public record Headline(State state, String reason, String message) {

    /** What the page calls the environment's state; {@link #css()} is the class that colours it. */
    public enum State {
        READY("Ready"), PROGRESSING("Progressing"), NOT_READY("NotReady"), STALLED("Stalled"),
        INVALID("DesiredStateInvalid"), SUSPENDED("Suspended"), UNKNOWN("Unknown");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return "state-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * An invalid desired state comes first (the environment is enforced at an older revision than the one in
     * git), then a suspension (nothing is applied, whatever the last run said), then the last run's conditions.
     *
     * @param status null before the first run
     * @param suspension why it is suspended ({@code by the API: reason}), null when it is not
     * @param invalid errors of a newer desired state that concern it, as the holder sees them now
     */
    static Headline of(EnvironmentStatus status, String suspension, List<String> invalid) {
        Optional<EnvironmentCondition> ready = condition(status, EnvironmentCondition.READY);
        if (!invalid.isEmpty() || ready.filter(c -> "DesiredStateInvalid".equals(c.reason())).isPresent()) {
            return new Headline(State.INVALID, "DesiredStateInvalid", invalid.isEmpty() ? ready.get().message()
                    : invalid.size() + " error(s) in the desired state; the last valid revision stays in force: "
                            + String.join("; ", invalid));
        }
        if (suspension != null) {
            return new Headline(State.SUSPENDED, "Suspended", "suspended " + suspension
                    + ": still read and reported, nothing is applied");
        }
        if (status == null) {
            return new Headline(State.UNKNOWN, "NotYetReconciled", "waiting for its first run");
        }
        Optional<EnvironmentCondition> stalled = condition(status, EnvironmentCondition.STALLED);
        Optional<EnvironmentCondition> reconciling = condition(status, EnvironmentCondition.RECONCILING);
        if (stalled.filter(EnvironmentCondition::isTrue).isPresent()) {
            return from(State.STALLED, stalled.get());
        }
        if (reconciling.filter(EnvironmentCondition::isTrue).isPresent()) {
            // a Retry is Reconciling too, but it is waiting out a failure rather than moving forward
            return from("Retry".equals(status.lastResult()) ? State.NOT_READY : State.PROGRESSING, reconciling.get());
        }
        return ready.map(c -> from(c.isTrue() ? State.READY : State.NOT_READY, c))
                .orElseGet(() -> new Headline(State.UNKNOWN, "NotYetReconciled", "no conditions recorded yet"));
    }

    private static Optional<EnvironmentCondition> condition(EnvironmentStatus status, String type) {
        return status == null ? Optional.empty() : status.condition(type);
    }

    private static Headline from(State state, EnvironmentCondition condition) {
        return new Headline(state, condition.reason(), condition.message());
    }
}
