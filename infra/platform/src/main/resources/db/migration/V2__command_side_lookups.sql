-- Command-side lookup tables. Each is written by a subscribing event handler in the same transaction as the
-- events that change it, so commands can rely on it; every row can be rebuilt from the event store.

-- Grid cells (单元网格) with their bounding box for a fast first filter before point-in-polygon.
create table grid_cell (
    cell_code      varchar(14)  primary key,
    name           varchar(200) not null,
    district_code  varchar(6)   not null,
    district       varchar(100) not null,
    street_code    varchar(9)   not null,
    street         varchar(100) not null,
    community_code varchar(12)  not null,
    community      varchar(100) not null,
    boundary       text         not null,
    min_lat        double precision not null,
    max_lat        double precision not null,
    min_lon        double precision not null,
    max_lon        double precision not null
);
create index grid_cell_bbox on grid_cell (min_lat, max_lat, min_lon, max_lon);

-- Grid workers (网格员), their duty and their current load, for routing.
create table grid_worker (
    worker_id    varchar(64)  primary key,
    display_name varchar(100) not null,
    on_duty      boolean      not null default false,
    open_cases   integer      not null default 0
);

create table grid_worker_cell (
    worker_id varchar(64) not null references grid_worker (worker_id),
    cell_code varchar(14) not null,
    primary key (worker_id, cell_code)
);
create index grid_worker_cell_by_cell on grid_worker_cell (cell_code);

-- Categories (部件/事件 minor classes) with their rules as data. Rules in force are copied onto a case when it
-- is registered, so editing a row here never rewrites history.
create table category (
    code       varchar(5)   primary key,
    family     varchar(16)  not null,
    name_zh    varchar(100) not null,
    name_en    varchar(100) not null,
    rules      text         not null,
    active     boolean      not null default true
);
