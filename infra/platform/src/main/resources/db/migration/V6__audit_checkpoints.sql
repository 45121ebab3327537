-- Checkpoints over the event store: the Merkle root of the chain hashes of all events in a global-index range,
-- each checkpoint chained to the one before. Exported and kept outside the database, they show whether anyone
-- rewrote history, even a whole chain.
create table audit_checkpoint (
    checkpoint_id     bigserial   primary key,
    from_global_index bigint      not null,
    to_global_index   bigint      not null,
    event_count       bigint      not null,
    merkle_root       varchar(64) not null,
    chain_root        varchar(64) not null,
    created_at        timestamptz not null default now()
);
