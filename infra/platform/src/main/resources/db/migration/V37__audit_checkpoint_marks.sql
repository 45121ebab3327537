-- The latest event of each aggregate that a checkpoint covered, as it was stored then (decision 0045). A chain
-- whose newest events were deleted is still a valid chain; this mark is what tells the aggregate's own check that
-- an event it should hold is gone, and which one. One row per aggregate: a later checkpoint moves the mark on,
-- but only while the event it names is still there.
create table audit_checkpoint_mark (
    aggregate_identifier varchar(255) primary key,
    sequence_number      bigint       not null,
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    chain_hash           varchar(64),
    checkpoint_id        bigint       not null references audit_checkpoint (checkpoint_id)
);
