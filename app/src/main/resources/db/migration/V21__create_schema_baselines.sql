-- The application schema of each physical database as it was right after Switchman last migrated it
-- (tables, columns, indexes, constraints; one object per line), to find changes made by hand.
create table schema_baselines (
    database_key  text        primary key,
    fingerprint   text        not null,
    objects       text        not null,
    migrated_to   text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);

-- The schema-drift state last reported for an environment's database ('in sync', or a fingerprint of
-- the differences), so each state is reported once, across restarts.
create table schema_drift_states (
    environment   text        not null,
    database_name text        not null,
    state         text        not null,
    differences   text        not null,
    checked_at    timestamptz not null,
    primary key (environment, database_name)
);
