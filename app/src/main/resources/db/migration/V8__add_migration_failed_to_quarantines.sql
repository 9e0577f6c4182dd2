-- A revision quarantined because the migration command it deploys failed (Railway's pre-deploy
-- step), not its rollout: later runs keep reporting Stalled(MigrationFailed) rather than
-- RevisionQuarantined until a newer revision or `switchman retry` lifts it.
alter table quarantined_revisions add column migration_failed boolean not null default false;
