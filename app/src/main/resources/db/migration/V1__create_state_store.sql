-- Switchman's own state. Secret values never reach these tables: snapshots and details hold
-- references and hashes only.

create table reconcile_runs (
    id          bigint generated always as identity primary key,
    project     text        not null,
    environment text        not null,
    revision    text,
    trigger     text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    result      text,
    summary     jsonb,
    error       text
);
create index reconcile_runs_by_environment on reconcile_runs (project, environment, started_at desc);

create table events (
    id          bigint generated always as identity primary key,
    project     text        not null,
    environment text        not null,
    occurred_at timestamptz not null,
    type        text        not null,
    reason      text        not null,
    message     text        not null,
    details     jsonb
);
create index events_by_environment on events (project, environment, occurred_at desc);

-- What Switchman created on Railway: the only things it may ever prune.
create table inventory (
    project     text        not null,
    environment text        not null,
    kind        text        not null,
    name        text        not null,
    railway_id  text        not null,
    created_at  timestamptz not null,
    revision    text,
    primary key (project, environment, kind, name)
);

create table last_applied (
    project     text        not null,
    environment text        not null,
    snapshot    jsonb       not null,
    revision    text        not null,
    applied_at  timestamptz not null,
    primary key (project, environment)
);

create table desired_state_loads (
    id          bigint generated always as identity primary key,
    revision    text        not null,
    loaded_at   timestamptz not null,
    valid       boolean     not null,
    error_count integer     not null,
    diagnostics jsonb       not null
);
create index desired_state_loads_by_time on desired_state_loads (loaded_at desc);
