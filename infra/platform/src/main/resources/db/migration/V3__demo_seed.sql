-- Which demo data sets were loaded into this installation, so the demo city is loaded once.
create table demo_seed (
    name      varchar(64) primary key,
    seeded_at timestamptz not null default now()
);
