-- Application-database migrations Switchman ran. A lease per database so two runners never migrate
-- it together; it expires, so a runner that crashed while holding it does not wedge the next one.
create table migration_locks (
    environment   text        not null,
    database_name text        not null,
    holder        text        not null,
    acquired_at   timestamptz not null,
    expires_at    timestamptz not null,
    primary key (environment, database_name)
);

-- One row per attempt to migrate a database at a revision. A FAILED row quarantines its revision:
-- the same revision is not tried again (no loop), a new revision is.
create table migration_runs (
    id             bigserial   primary key,
    environment    text        not null,
    database_name  text        not null,
    revision       text        not null,
    runner         text        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    result         text,
    applied        text        not null default '',
    failed_script  text,
    message        text,
    backup         text
);

create index migration_runs_by_database on migration_runs (environment, database_name, id desc);
