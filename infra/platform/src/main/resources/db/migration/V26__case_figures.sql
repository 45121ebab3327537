-- Query side: the performance figures of docs/metrics.md kept per day and unit (decision 0033), so a dashboard
-- over a year sums a few thousand rows instead of aggregating every case of the year.
--
-- case_figures_case: what each case adds to the figures now (its units, the day of each milestone, its flags).
-- The case-search projection compares a case's new document with this row and applies only the difference, in
-- the transaction that stores its tracking token: a redelivered batch finds the row already changed and adds
-- nothing, so the sums stay exactly the sum of these rows.
create table case_figures_case (
    case_id               text primary key,
    district_code         text not null,
    street_code           text,
    community_code        text,
    cell_code             text,
    category_code         text,
    worker_id             text,
    reported_on           date,
    reports               integer not null,
    registered_on         date,
    registered_on_time    boolean not null,
    dispatched_on         date,
    dispatched_accurately boolean not null,
    resolved_on           date,
    handled_on_time       boolean not null,
    reworked              boolean not null,
    handling_minutes      bigint,
    closed_on             date,
    closed_on_time        boolean not null
);

-- The sums per grouping (ALL, DISTRICT, STREET, COMMUNITY, CELL, CATEGORY, WORKER), day and unit, in the
-- district of the cases counted (a district supervisor sees their district). Days are the city's (Asia/Shanghai).
create table case_figures_daily (
    grouped_by            text not null,
    day                   date not null,
    district_code         text not null,
    unit_code             text not null,
    reported              bigint not null,
    registered            bigint not null,
    registered_on_time    bigint not null,
    dispatched            bigint not null,
    dispatched_accurately bigint not null,
    handled               bigint not null,
    handled_on_time       bigint not null,
    reworked              bigint not null,
    handling_minutes      bigint not null,
    handling_timed        bigint not null,
    closed                bigint not null,
    closed_on_time        bigint not null,
    primary key (grouped_by, day, district_code, unit_code)
);

-- Every unit that holds a case now, with its name: the dashboard lists a unit with nothing in the period too.
create table case_figures_unit (
    grouped_by    text not null,
    district_code text not null,
    unit_code     text not null,
    unit_name     text not null,
    cases         bigint not null,
    primary key (grouped_by, district_code, unit_code)
);
