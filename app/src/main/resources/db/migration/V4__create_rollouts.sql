-- Health-gated rollouts. last_known_good: deployments that passed verification, per environment
-- and service (the newest is the rollback target). quarantined_revisions: the desired revision that
-- failed in an environment and must not be applied again until a newer one or `switchman retry`.
-- rollouts: one row per rollout with its per-service deployments, verdict, reason and rollback target.
create table last_known_good (
    project       text        not null,
    environment   text        not null,
    service       text        not null,
    deployment_id text        not null,
    revision      text,
    verified_at   timestamptz not null,
    primary key (project, environment, service, deployment_id)
);

create table quarantined_revisions (
    project        text        not null,
    environment    text        not null,
    revision       text        not null,
    reason         text        not null,
    quarantined_at timestamptz not null,
    primary key (project, environment)
);

create table rollouts (
    id          bigserial   primary key,
    project     text        not null,
    environment text        not null,
    revision    text,
    state       text        not null,
    verdict     text,
    reason      text,
    services    jsonb       not null,
    started_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index rollouts_by_environment on rollouts (project, environment, id desc);
