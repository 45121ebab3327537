-- Issue #24, decision 0048. Accounts whose sessions and tokens end when they should, sign-in throttled instead of
-- locked, passwords that can be changed and reset, expiring API keys.

-- The hard lock is gone: five wrong passwords no longer shut an account (an administrator, a supervisor) for a
-- quarter of an hour. Failures are counted per address and per name in sign_in_throttle instead.
alter table account drop column failed_attempts;
alter table account drop column locked_until;

-- Every change that must end what was signed in before (password, role, identity, district, enabled, name) moves
-- access_version on. A token and a session carry the version they were made under and count for nothing once it
-- moved: every instance reads the account at each request, so all of them see it at once. A trigger rather than
-- the application, so that a change made by hand in psql ends sessions and tokens too.
alter table account add column access_version bigint not null default 0;
-- set by an administrator's reset: until the owner chooses a password, they may do nothing else
alter table account add column must_change_password boolean not null default false;

create function account_access_version() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash or new.role is distinct from old.role
            or new.subject_id is distinct from old.subject_id or new.district_code is distinct from old.district_code
            or new.enabled is distinct from old.enabled or new.username is distinct from old.username then
        new.access_version := old.access_version + 1;
    end if;
    return new;
end $$;

create trigger account_access_version before update on account
    for each row execute function account_access_version();

alter table access_token add column access_version bigint not null default 0;

-- Partners' keys expire (null: a key made before expiry existed, which does not) and say when they were last used.
alter table api_key add column expires_at timestamptz;
alter table api_key add column last_used_at timestamptz;

-- Failed sign-ins per key: the SHA-256 of "address:<ip>" or "name:<lower-cased name>", so that neither addresses
-- nor what people type into the name field (often their password) is stored. An attempt is counted before its
-- password is checked, in one statement that locks the row, so parallel guesses cannot pass the limit together.
create table sign_in_throttle (
    key_hash        varchar(64) primary key,
    failures        integer     not null,
    blocked_until   timestamptz not null,
    last_attempt_at timestamptz not null
);
create index sign_in_throttle_last_attempt on sign_in_throttle (last_attempt_at);

-- The wait after a failure: none for the first free - 1 failures, then the first wait, doubling with each further
-- failure (at most 2^30 times) up to the longest.
create function sign_in_delay(failures integer, free integer, first_ms bigint, longest_ms bigint) returns interval
    language sql immutable as $$
    select case when failures < free then interval '0'
                else least(longest_ms, first_ms * power(2, least(failures - free, 30)))
                     * interval '1 millisecond' end
$$;
