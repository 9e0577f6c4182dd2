-- The backup catalog: one row per attempt. Only rows with status 'completed' name a dump whose
-- manifest and checksum were written; 'running' rows left by a crash never count as good.
create table backups (
    id              bigserial   primary key,
    project         text        not null,
    environment     text        not null,
    database_name   text        not null,
    name            text        not null,
    reason          text        not null,
    status          text        not null,
    destination     text        not null,
    size_bytes      bigint,
    sha256          text,
    server_version  text,
    revision        text,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    error           text,
    verified_at     timestamptz,
    deleted_at      timestamptz,
    unique (project, environment, database_name, name)
);
create index backups_by_database on backups (project, environment, database_name, started_at desc);

-- Restore drills: the newest good backup restored into a scratch database and checked.
create table backup_drills (
    id              bigserial   primary key,
    backup_id       bigint      not null references backups (id),
    started_at      timestamptz not null,
    duration_ms     bigint      not null,
    passed          boolean     not null,
    message         text        not null
);
