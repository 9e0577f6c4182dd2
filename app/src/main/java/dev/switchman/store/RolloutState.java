package dev.switchman.store;

import java.util.Arrays;
import java.util.Optional;

/** Where a recorded rollout stands; {@link #label} is the word stored in its row and shown in the status API. */
public enum RolloutState {
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    ROLLED_BACK("RolledBack"),
    SUPERSEDED("Superseded");

    private final String label;

    RolloutState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state a stored label names; empty for a label this version does not know. */
    public static Optional<RolloutState> of(String label) {
        return Arrays.stream(values()).filter(state -> state.label.equals(label)).findFirst();
    }
}
