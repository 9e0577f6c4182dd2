package dev.switchman.desired;

import java.time.Duration;

/**
 * How Switchman acts on one environment.
 *
 * @param drift revert drift (SELF_HEAL) or only report it
 * @param prune delete services and variables Switchman created once they leave the YAML
 * @param rollback roll back automatically on a failed rollout, only alert, or do nothing
 * @param interval how often to look for drift when nothing else triggers a run
 * @param suspend stop acting on this environment (it is still read and reported)
 */
public record Policy(DriftMode drift, boolean prune, RollbackMode rollback, Duration interval, boolean suspend) {

    public static final Policy DEFAULT =
            new Policy(DriftMode.SELF_HEAL, false, RollbackMode.AUTOMATIC, Duration.ofSeconds(60), false);

    public enum DriftMode { SELF_HEAL, REPORT_ONLY }

    public enum RollbackMode { AUTOMATIC, MANUAL, OFF }
}
