-- Web layer: the Idempotency-Key of each creating POST, per caller. A row without a response_status is a request
-- still in progress; a finished one keeps the first answer to replay until it expires (24 h).
create table idempotency_key (
    username              varchar(128)  not null,
    idempotency_key       varchar(255)  not null,
    request_hash          bytea         not null,
    response_status       integer,
    response_location     varchar(2048),
    response_content_type varchar(255),
    response_body         bytea,
    created_at            timestamptz   not null,
    expires_at            timestamptz   not null,
    primary key (username, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
