-- Issue #24, decision 0048. A rider's phone stays signed in: a device session holds a long-lived refresh token
-- (stored as SHA-256, replaced at each use) that buys short bearer tokens. Listed and revoked by the rider and by
-- administrators; bound, like every token, to the account's access version, so disabling, erasing, a role or
-- password change ends it on every instance at its next use.
create table device_session (
    device_id      varchar(16)  primary key,
    token_hash     varchar(64)  not null unique,
    username       varchar(64)  not null references account (username),
    device_name    varchar(100) not null,
    access_version bigint       not null,
    created_at     timestamptz  not null default now(),
    last_used_at   timestamptz  not null default now(),
    expires_at     timestamptz  not null
);
create index device_session_username on device_session (username);

-- the bearer tokens a device session bought end with it
alter table access_token add column device_id varchar(16);
create index access_token_device on access_token (device_id) where device_id is not null;
