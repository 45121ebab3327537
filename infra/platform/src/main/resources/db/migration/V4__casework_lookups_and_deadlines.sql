-- Open cases by place and category, for the duplicate check at intake. Kept by a subscribing processor in the
-- transaction of the events; the intake serialises reports of one category with an advisory lock, so two
-- reports of the same hazard filed at once end in one case.
create table open_case_location (
    case_id       varchar(64) primary key,
    category_code varchar(5)  not null,
    lat           double precision not null,
    lon           double precision not null,
    open          boolean     not null default true
);
create index open_case_location_lookup on open_case_location (category_code, lat, lon) where open;

-- Which worker holds which case, so a worker's open-case count follows reassignments, transfers and closing.
create table case_assignment (
    case_id   varchar(64) primary key,
    worker_id varchar(64) not null
);

-- db-scheduler's table: Axon's persistent deadlines (warnings and escalations of case steps). Survives
-- restarts; each execution is picked by one instance of a cluster.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
