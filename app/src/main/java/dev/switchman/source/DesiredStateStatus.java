package dev.switchman.source;

import dev.switchman.desired.DesiredState;
import dev.switchman.desired.diagnostic.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the holder knows, as one consistent value.
 *
 * @param inForce the last valid desired state, null while none was ever loaded
 * @param latestRevision the revision of the latest load, null before the first
 * @param latestValid whether the latest load was valid (and so is {@code inForce})
 * @param diagnostics every diagnostic of the latest load
 * @param latestLoadedAt when the latest load happened, null before the first
 */
public record DesiredStateStatus(
        DesiredState inForce,
        String latestRevision,
        boolean latestValid,
        List<Diagnostic> diagnostics,
        Instant latestLoadedAt) {

    static final DesiredStateStatus NOT_LOADED = new DesiredStateStatus(null, null, false, List.of(), null);

    public DesiredStateStatus {
        diagnostics = List.copyOf(diagnostics);
    }

    public Optional<DesiredState> state() {
        return Optional.ofNullable(inForce);
    }

    public boolean loadAttempted() {
        return latestLoadedAt != null;
    }

    public int errorCount() {
        return (int) diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
    }

    public int environmentCount() {
        return inForce == null ? 0 : inForce.environments().size();
    }
}
