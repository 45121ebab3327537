-- Issue #23, decision 0046: a destroyed key leaves its row, without the key, to say so. Both sides then tell a value
-- erased (its key destroyed) from one that does not open for another reason, and the query side knows whom to
-- leave out.
alter table person_key
    alter column wrapped_key drop not null,
    add column destroyed_at timestamptz,
    add constraint person_key_live_or_destroyed check ((wrapped_key is null) = (destroyed_at is not null));

-- Riders erased before kept no row here: mark them.
insert into person_key (subject_id, wrapped_key, destroyed_at)
select rider_id, null, erased_at from rider_identity where erased_at is not null
on conflict (subject_id) do update set wrapped_key = null, destroyed_at = excluded.destroyed_at;
