-- One lease per physical database (a declared id, or host, port and name of its URL), whichever
-- environment declares it: two environments sharing a database no longer each take their own lease,
-- backup and dry run. environment and database_name now say who asked. Leases are short-lived; the
-- ones held at upgrade time are dropped and taken again by the next run.
delete from migration_locks;
alter table migration_locks drop constraint migration_locks_pkey;
alter table migration_locks add column database_key text not null;
alter table migration_locks add primary key (database_key);

-- The run log knows the physical database too, so a revision that failed is quarantined for every
-- environment that declares the database. Rows written before this (and migration commands) have none.
alter table migration_runs add column database_key text;
create index migration_runs_by_key on migration_runs (database_key, revision, id desc);
