-- Query side: the dashboards' figures also per month, and the cases open and overdue counted by the day they fell
-- overdue (decision 0037), so a dashboard over a year sums a few hundred rows and asks the index only about today.

-- The city day from which a case, open now, counts as overdue (null: closed, never registered, or not overdue
-- at any time yet known). The rows below count it on that day while it stays open.
alter table case_figures_case add column overdue_on date;

alter table case_figures_daily add column open_overdue bigint not null default 0;

-- The daily rows summed per calendar month (month = its first day), kept with them in the same transaction.
create table case_figures_monthly (like case_figures_daily including defaults);
alter table case_figures_monthly rename column day to month;
alter table case_figures_monthly add primary key (grouped_by, month, district_code, unit_code);

insert into case_figures_monthly
select grouped_by, date_trunc('month', day)::date, district_code, unit_code, sum(reported), sum(registered),
       sum(registered_on_time), sum(dispatched), sum(dispatched_accurately), sum(handled), sum(handled_on_time),
       sum(reworked), sum(handling_minutes), sum(handling_timed), sum(closed), sum(closed_on_time), 0
from case_figures_daily
group by 1, 2, 3, 4;

-- The open overdue cases are summed over every month before the current one: in a city most old cases are closed,
-- so only a few recent months' rows hold any.
create index case_figures_monthly_open_overdue on case_figures_monthly (grouped_by, month) where open_overdue <> 0;

-- Read models to recompute once at the next start, because what they hold changed meaning (CaseFiguresRebuild
-- takes its row out in the transaction that writes the new figures).
create table read_model_rebuild_due (
    model  text primary key,
    reason text not null
);

-- The stored contributions lack overdue_on: recompute them all from the index.
insert into read_model_rebuild_due (model, reason)
select 'figures', 'V36: the open overdue cases are counted by the day they fell overdue'
where exists (select 1 from case_figures_case);
