-- Checkpoints are closed by one instance at a time (a db-scheduler recurring task, under an advisory lock), and
-- the head seen at the previous run is kept here, not in one instance's memory, so whichever instance runs next
-- closes exactly the range the previous run left open.
create table audit_checkpoint_watermark (
    singleton boolean     primary key default true check (singleton),
    head_seen bigint      not null,
    seen_at   timestamptz not null default now()
);

-- Two checkpoints starting at the same global index would fork the chain of checkpoints: never again.
create unique index audit_checkpoint_from on audit_checkpoint (from_global_index);
