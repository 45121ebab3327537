-- Query side: the riders' leaderboard. Points per award (keyed by event id, so replays add nothing twice) and
-- each rider's district and opt-in display name (null: not on the leaderboard).
create table leaderboard_rider (
    rider_id      varchar(64) primary key,
    district_code varchar(6),
    display_name  varchar(40)
);

create table leaderboard_award (
    event_id varchar(255) primary key,
    rider_id varchar(64)  not null,
    month    date         not null,
    points   integer      not null
);
create index leaderboard_award_month on leaderboard_award (month, rider_id);
