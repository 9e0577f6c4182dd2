package dev.switchman.reconcile;

import dev.switchman.desired.DesiredEnvironment;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One reconcile of one environment: observe (one read), plan (pure), execute, record.
 * Placeholder: the real implementation replaces this class.
 */
@ApplicationScoped
public class EnvironmentReconciler {

    /**
     * Reconciles {@code environment} at {@code revision}; never throws for Railway or store failures
     * (they become {@link ReconcileOutcome.Retry}).
     *
     * @param trigger why this run happens: {@code interval}, {@code revision}, {@code manual}, {@code webhook}
     */
    public ReconcileOutcome reconcile(DesiredEnvironment environment, String revision, String trigger) {
        throw new UnsupportedOperationException("not yet written");
    }
}
