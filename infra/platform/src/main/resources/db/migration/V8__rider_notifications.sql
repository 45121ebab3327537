-- Being told (issue #7). Everything but the webhooks is a read model of the events, kept by the tracking
-- processor `rider-notifications`; a replay writes the same rows (each notification is keyed by its event).

-- Each rider's partner platform, for routing deliveries to the platform's webhook.
create table notify_rider (
    rider_id varchar(64) primary key,
    platform varchar(40)
);

-- What a notification may say about a case: its category (public), nothing about people.
create table notify_case (
    case_id       varchar(64) primary key,
    category_code varchar(16),
    category_zh   varchar(100),
    category_en   varchar(200)
);

-- Who is told about a case: its reporter, corroborators and explicit followers.
create table notify_case_follower (
    case_id  varchar(64) not null,
    rider_id varchar(64) not null,
    -- REPORTER, CORROBORATOR or FOLLOWER; reporters and corroborators are asked to confirm a fix
    relation varchar(16) not null,
    primary key (case_id, rider_id)
);

-- The riders' inboxes. id is derived from (event id, rider id), so a redelivered event finds its row.
create table rider_notification (
    id               uuid         primary key,
    seq              bigserial    not null,
    event_id         varchar(64)  not null,
    rider_id         varchar(64)  not null,
    case_id          varchar(64)  not null,
    kind             varchar(32)  not null,
    status           varchar(16)  not null,
    due_at           timestamptz,
    -- SHA-256 hashes of the resolution photos, comma-separated
    photo_hashes     text,
    -- the request to confirm a fix: AWAITED, OVERDUE, ANSWERED or SETTLED; null when nothing is asked
    confirmation     varchar(16),
    checked_by_role  varchar(16),
    occurred_at      timestamptz  not null,
    read_at          timestamptz,
    unique (event_id, rider_id)
);
create index rider_notification_inbox on rider_notification (rider_id, occurred_at desc, seq desc);
create index rider_notification_case on rider_notification (case_id);

-- One webhook per partner platform. The secret signs deliveries (HMAC-SHA256), so it is kept, not hashed; it is
-- shown once at registration and never listed.
create table notify_webhook (
    id         varchar(32)   primary key,
    platform   varchar(40)   not null unique,
    url        varchar(2000) not null,
    secret     varchar(100)  not null,
    created_at timestamptz   not null,
    created_by varchar(64)
);

-- Each notification's delivery to its platform: attempts, the last answer, and the outcome.
create table notify_webhook_delivery (
    notification_id  uuid         primary key,
    platform         varchar(40),
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    last_http_status integer,
    last_error       varchar(500),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz  not null default now()
);
create index notify_webhook_delivery_latest on notify_webhook_delivery (created_at desc);
