-- Accounts of every role. Passwords are hashed (bcrypt via Spring Security's delegating encoder); repeated
-- wrong passwords lock the account for a while.
create table account (
    username        varchar(64)  primary key,
    password_hash   varchar(200) not null,
    role            varchar(16)  not null,
    -- the domain identity this account acts as: a rider id (R001), a grid worker id (W001), or a staff id
    subject_id      varchar(64)  not null,
    display_name    varchar(100) not null,
    -- a supervisor's district (6-digit county code); null for a supervisor granted every district
    district_code   varchar(6),
    enabled         boolean      not null default true,
    failed_attempts integer      not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now()
);
create unique index account_subject on account (role, subject_id);

-- Bearer tokens for API clients and mobile apps: only the SHA-256 of a token is kept.
create table access_token (
    token_hash varchar(64) primary key,
    username   varchar(64) not null references account (username),
    expires_at timestamptz not null,
    revoked    boolean     not null default false,
    created_at timestamptz not null default now()
);
create index access_token_username on access_token (username);

-- API keys of partner systems (delivery platforms, Open311 clients): hashed, revocable.
create table api_key (
    key_id     varchar(32)  primary key,
    key_hash   varchar(64)  not null unique,
    partner    varchar(100) not null,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    revoked_at timestamptz
);

-- Riders' personal data, kept out of the events. Shown only to supervisors, and every look is itself an event.
create table rider_identity (
    rider_id varchar(64)  primary key,
    name     varchar(100) not null,
    phone    varchar(32)  not null
);

-- Query side: who may see what. Workers' cells and riders' handles, projected from the events.
create table viewer_worker_cell (
    worker_id varchar(64) not null,
    cell_code varchar(14) not null,
    primary key (worker_id, cell_code)
);
create table viewer_rider_handle (
    rider_id varchar(64)  primary key,
    handle   varchar(100) not null
);
