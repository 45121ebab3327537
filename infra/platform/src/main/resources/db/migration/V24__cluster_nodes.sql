-- The application instances of one installation, each beating here every few seconds (SegmentBalancer): an
-- instance counts as alive while its beat is recent, and the live count sets each one's fair share of the
-- streaming processors' segments (token_entry).
create table cluster_node (
    node_id    varchar(255) primary key,
    started_at timestamptz  not null default now(),
    last_seen  timestamptz  not null default now()
);
