-- Issue #23, decision 0046: events name who acted by their domain id only (userId); the account name is looked up
-- when a change is shown. Changes recorded before keep the name their event carried.
alter table category_change
    add column user_id varchar(64),
    alter column username drop not null;
