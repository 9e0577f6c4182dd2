-- Notifications: the last state sent per (environment, service, topic), so a flapping service or a
-- restart does not send the same state twice and a "recovered" message is sent only after an alert;
-- and a log of every delivery (never a URL or a secret, only the target's type and position).
create table notification_alerts (
    environment text        not null,  -- project/name
    service     text        not null,  -- '' for the environment as a whole
    topic       text        not null,  -- rollout, drift, health
    kind        text        not null,
    state_key   text        not null,
    open        boolean     not null,
    updated_at  timestamptz not null,
    primary key (environment, service, topic)
);

create table notification_deliveries (
    id           bigserial   primary key,
    environment  text        not null,
    service      text        not null,
    kind         text        not null,
    target       text        not null,  -- e.g. slack#0
    result       text        not null,  -- delivered, failed, rejected, deduplicated, dropped
    attempts     int         not null,
    http_status  int,
    error        text,
    waits_ms     text        not null default '',  -- the waits between attempts, comma-separated
    finished_at  timestamptz not null
);

create index notification_deliveries_by_environment on notification_deliveries (environment, finished_at desc);
