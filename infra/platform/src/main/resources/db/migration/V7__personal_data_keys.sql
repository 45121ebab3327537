-- Reporters' personal data, encrypted per person (issue #6). Each person's data key lives here, wrapped by a master
-- key that never enters the database; never in the events. Erasing a person (a PIPL request) deletes the key, so
-- their name and phone become unreadable everywhere while the events, which hold only pseudonymous ids, stay whole.
create table person_key (
    subject_id  varchar(64) primary key,
    -- AES-256 key sealed with AES-GCM under the master key, the subject id bound in: iv || ciphertext || tag
    wrapped_key bytea       not null,
    created_at  timestamptz not null default now()
);

-- Name and phone sealed with the rider's key (AES-GCM, rider id and field bound in). V7.1, a Java migration holding
-- the master key, seals the rows stored in plain before; V7.2 drops the plain columns.
alter table rider_identity
    add column name_ciphertext  bytea,
    add column phone_ciphertext bytea,
    -- set when the rider was erased: the ciphertexts are gone with the key, the row says so
    add column erased_at        timestamptz,
    alter column name drop not null,
    alter column phone drop not null;
