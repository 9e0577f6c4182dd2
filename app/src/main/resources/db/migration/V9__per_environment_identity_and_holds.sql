-- Per-environment identity: the revision columns now hold an environment's own fingerprint (a digest of
-- what it declares and the files it refers to); provenance is the commit or content revision of the tree
-- it was read from, kept beside it for people.
alter table reconcile_runs add column provenance text;
alter table environment_status add column provenance text;
alter table rollouts add column provenance text;
alter table quarantined_revisions add column provenance text;
-- What a status shows beyond its conditions: deployments owed (configured but not deployed) and the
-- diagnostics of an invalid desired state that concerns the environment.
alter table environment_status add column details jsonb not null default '{}'::jsonb;
-- Who follows a rollout: null for the daemon, or the command that runs it (a `switchman rollback` by hand),
-- which the daemon leaves alone while it is alive (updated_at moves with every step it takes).
alter table rollouts add column owner text;

-- A rolled-back service is held on its last verified source in Railway's own settings too, so that a
-- deployment Railway starts by itself (a restart, a variable edited in the dashboard) runs the good
-- version. One row per held service until a newer revision or `switchman retry` releases it.
create table held_services (
    project       text        not null,
    environment   text        not null,
    service       text        not null,
    revision      text        not null,
    deployment_id text        not null,
    image         text,
    commit_sha    text,
    reason        text        not null,
    held_at       timestamptz not null,
    primary key (project, environment, service)
);
