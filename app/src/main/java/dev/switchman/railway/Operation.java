package dev.switchman.railway;

/**
 * Every GraphQL operation Switchman sends, each with its document name (the file
 * {@code graphql/<documentName>.graphql}) and its {@link Kind}, which decides when a failed call
 * may be sent again.
 */
public enum Operation {
    ENVIRONMENT_STATE("EnvironmentState", Kind.READ),
    ENVIRONMENT_STATES("EnvironmentStates", Kind.READ),
    PROJECT_TOPOLOGY("ProjectTopology", Kind.READ),
    PROJECTS("Projects", Kind.READ),
    PROJECT_TOKEN("ProjectToken", Kind.READ),
    DEPLOYMENT("Deployment", Kind.READ),
    DEPLOYMENTS("Deployments", Kind.READ),
    DEPLOYMENT_EVENTS("DeploymentEvents", Kind.READ),
    VOLUME_INSTANCE_BACKUP_LIST("VolumeInstanceBackupList", Kind.READ),
    WORKFLOW_STATUS("WorkflowStatus", Kind.READ),
    SERVICE_INSTANCE_UPDATE("ServiceInstanceUpdate", Kind.IDEMPOTENT_WRITE),
    SERVICE_INSTANCE_LIMITS_UPDATE("ServiceInstanceLimitsUpdate", Kind.IDEMPOTENT_WRITE),
    VARIABLE_COLLECTION_UPSERT("VariableCollectionUpsert", Kind.IDEMPOTENT_WRITE),
    VARIABLE_DELETE("VariableDelete", Kind.IDEMPOTENT_WRITE),
    ENVIRONMENT_PATCH_COMMIT("EnvironmentPatchCommit", Kind.NON_IDEMPOTENT_WRITE),
    ENVIRONMENT_STAGE_CHANGES("EnvironmentStageChanges", Kind.IDEMPOTENT_WRITE),
    ENVIRONMENT_PATCH_COMMIT_STAGED("EnvironmentPatchCommitStaged", Kind.NON_IDEMPOTENT_WRITE),
    SERVICE_DELETE("ServiceDelete", Kind.IDEMPOTENT_WRITE),
    VOLUME_INSTANCE_BACKUP_SCHEDULE_UPDATE("VolumeInstanceBackupScheduleUpdate", Kind.IDEMPOTENT_WRITE),
    VOLUME_INSTANCE_UPDATE("VolumeInstanceUpdate", Kind.IDEMPOTENT_WRITE),
    SERVICE_INSTANCE_DEPLOY("ServiceInstanceDeploy", Kind.NON_IDEMPOTENT_WRITE),
    DEPLOYMENT_ROLLBACK("DeploymentRollback", Kind.NON_IDEMPOTENT_WRITE),
    SERVICE_CREATE("ServiceCreate", Kind.NON_IDEMPOTENT_WRITE),
    VOLUME_CREATE("VolumeCreate", Kind.NON_IDEMPOTENT_WRITE),
    VOLUME_INSTANCE_BACKUP_CREATE("VolumeInstanceBackupCreate", Kind.NON_IDEMPOTENT_WRITE);

    /** What sending an operation twice does, which decides what may be retried. */
    public enum Kind {
        /** Changes nothing: retried on any transient failure. */
        READ,
        /**
         * Sets state to given values (settings, variables, patches, schedules, deletes): sending it
         * twice leaves Railway as sending it once, so it is retried like a read.
         */
        IDEMPOTENT_WRITE,
        /**
         * Creates something each time (deployment, rollback, service, volume, backup): repeated only when
         * Railway cannot have received it (connection refused before sending) or said 429;
         * after a 5xx or timeout the caller must re-read state before deciding to send it again.
         */
        NON_IDEMPOTENT_WRITE;

        /**
         * Whether a call of this kind may be sent again after {@code failure}: a 429 always (it
         * was not executed); a transient failure for reads and idempotent writes, and for other
         * writes only when Railway cannot have acted on it; nothing else.
         */
        public boolean mayRepeatAfter(RailwayException failure) {
            return switch (failure) {
                case RailwayException.RateLimited rateLimited -> true;
                case RailwayException.Transient transientFailure ->
                        this != NON_IDEMPOTENT_WRITE || !transientFailure.mayHaveTakenEffect();
                case RailwayException.Conflict conflict -> false;
                case RailwayException.NotFound notFound -> false;
                case RailwayException.Rejected rejected -> false;
                case RailwayException.Unauthorized unauthorized -> false;
            };
        }
    }

    private final String documentName;
    private final Kind kind;

    Operation(String documentName, Kind kind) {
        this.documentName = documentName;
        this.kind = kind;
    }

    /** The GraphQL operation name, also the document's file name without {@code .graphql}. */
    public String documentName() {
        return documentName;
    }

    public Kind kind() {
        return kind;
    }

    /** The metric label: the document name, stable and low-cardinality. */
    @Override
    public String toString() {
        return documentName;
    }
}
