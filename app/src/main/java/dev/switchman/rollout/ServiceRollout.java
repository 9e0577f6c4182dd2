package dev.switchman.rollout;

import dev.switchman.desired.VerificationSpec;
import java.util.List;

/**
 * One service of a rollout: the deployment Switchman started, and the rollback that may follow.
 * {@code rollback} is the state of the way back: {@code none}, {@code notNeeded} (Railway failed
 * the deployment, the old one kept serving), {@code requested}, {@code done}, {@code failed},
 * {@code impossible} (no last-known-good) or {@code skipped} (policy manual/off).
 */
final class ServiceRollout {

    final String name;
    final VerificationSpec verify;
    final List<String> dependsOn;
    String serviceId;
    final DeploymentTrack forward;
    DeploymentTrack back;
    String rollback = "none";
    String rollbackTarget;
    boolean redeployedSource;
    String domain;
    /** The migration command it runs as its pre-deploy command, or null. */
    MigrationCommand migration;
    /** The verified pre-migration backup taken before it was deployed, or null. */
    String preMigrationBackup;

    ServiceRollout(String name, String deploymentId, VerificationSpec verify, List<String> dependsOn) {
        this.name = name;
        this.verify = verify;
        this.dependsOn = List.copyOf(dependsOn);
        this.forward = new DeploymentTrack(deploymentId);
    }

    /** The deployment being followed now. */
    DeploymentTrack current() {
        return back == null ? forward : back;
    }

    /** Whether this service still needs polls or checks. */
    boolean settled() {
        return switch (rollback) {
            case "none" -> forward.done();
            case "requested" -> false;
            default -> true;
        };
    }
}
