package dev.switchman.rollout;

import dev.switchman.desired.Policy;
import java.time.Instant;
import java.util.List;

/** A rollout of one revision to one environment: its services in dependency order. */
final class Rollout {

    enum State { IN_PROGRESS, SUCCEEDED, FAILED, ROLLED_BACK, SUPERSEDED }

    final long id;
    final String project;
    final String environment;
    final String environmentId;
    /** The environment fingerprint rolled out; a newer one that changes nothing Railway runs takes it over. */
    String revision;
    String provenance;
    final Policy.RollbackMode rollbackMode;
    final List<ServiceRollout> services;
    final Instant startedAt;
    State state = State.IN_PROGRESS;
    String reason;
    boolean failing;
    /** Whether the failure that decides the rollout is a failed migration command. */
    boolean migrationFailed;
    /** When the first service failed: the verdict the rollback delay is measured from. */
    Instant failedAt;

    Rollout(long id, String project, String environment, String environmentId, String revision, String provenance,
            Policy.RollbackMode rollbackMode, List<ServiceRollout> services, Instant startedAt) {
        this.id = id;
        this.project = project;
        this.environment = environment;
        this.environmentId = environmentId;
        this.revision = revision;
        this.provenance = provenance;
        this.rollbackMode = rollbackMode;
        this.services = List.copyOf(services);
        this.startedAt = startedAt;
    }

    String qualifiedName() {
        return project + "/" + environment;
    }
}
