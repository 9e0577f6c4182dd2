-- 3-2-1 backups: one catalog row per backup and destination, so each copy has its own status,
-- verification and retention, and a failed copy fails that destination only.
alter table backups drop constraint backups_project_environment_database_name_name_key;
alter table backups add constraint backups_one_copy_per_destination
    unique (project, environment, database_name, name, destination);
create index backups_by_destination on backups (project, environment, database_name, destination, started_at desc);
