-- What operators asked of an environment through the API, kept here so it survives restarts and
-- reaches whichever replica leads: suspended or not, and the latest request for a reconcile.
create table environment_controls (
    project                text        not null,
    environment            text        not null,
    suspended              boolean     not null default false,
    suspended_at           timestamptz,
    suspend_reason         text,
    reconcile_requested_at timestamptz,
    primary key (project, environment)
);
