-- The audit trail of category changes (decision 0025), projected from CategoryRulesChangedEvent in the transaction
-- that appends it, next to the category row it changes. Who acted comes from the event's metadata; both the rules
-- before and after are kept so each change reads on its own. Rebuildable from the event store.
create table category_change (
    event_id      varchar(64)  primary key,
    code          varchar(5)   not null,
    changed_at    timestamptz  not null,
    username      varchar(100) not null,
    role          varchar(32)  not null,
    reason        text         not null,
    rules_before  text         not null,
    active_before boolean      not null,
    rules_after   text         not null,
    active_after  boolean      not null
);
create index category_change_by_code on category_change (code, changed_at desc);
create index category_change_by_time on category_change (changed_at desc);
