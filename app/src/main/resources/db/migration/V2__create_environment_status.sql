-- The status of each environment as its last reconcile left it: Kubernetes-style conditions
-- (Ready, Reconciling, Stalled) plus the figures the status API shows. One row per environment,
-- replaced by every run. Drift holds field paths only, never values.
create table environment_status (
    project                text        not null,
    environment            text        not null,
    conditions             jsonb       not null,
    revision               text,
    last_applied_revision  text,
    last_run_id            bigint,
    last_result            text,
    drift                  jsonb       not null,
    pending_changes        integer     not null,
    suspended              boolean     not null,
    updated_at             timestamptz not null,
    primary key (project, environment)
);

-- A service create records its intent before Railway answers, so the Railway id may not be known
-- yet; a later run fills it in (or finds the service by name) instead of creating it again.
alter table inventory alter column railway_id drop not null;
