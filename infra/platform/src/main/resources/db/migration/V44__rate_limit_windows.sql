-- Issue #24: request rates counted in PostgreSQL, so that every instance counts against one limit (RateLimits).
-- One row per limit, subject (a rider, an account, a key, an address) and fixed window; the previous window's count
-- weighs in by how much of it the sliding window still covers.
create table rate_limit_window (
    scope        text   not null,
    subject      text   not null,
    window_start bigint not null,
    hits         int    not null,
    primary key (scope, subject, window_start)
);

create index rate_limit_window_by_age on rate_limit_window (window_start);
