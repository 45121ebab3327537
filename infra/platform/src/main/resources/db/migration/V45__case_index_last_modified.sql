-- Issue #24: Open311's updated_datetime is the time any event last changed a case (lastModifiedAt in the case
-- documents), and start_date/end_date select on it. Documents indexed before lack it: replay the index from the
-- event store once at the next start (CaseIndexRebuild takes this row out when it starts). Decision 0050.
insert into read_model_rebuild_due (model, reason)
select 'cases', 'V45: the case index records when each case was last modified'
where exists (select 1 from domain_event_entry)
on conflict (model) do nothing;
