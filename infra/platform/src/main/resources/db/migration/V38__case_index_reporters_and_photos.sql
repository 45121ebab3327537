-- Issue #23: the case documents now name every reporter (reporterIds) and every photo of the case
-- (allPhotoHashes), which decide who sees a case's photos. Documents indexed before lack both: replay the index
-- from the event store once at the next start (CaseIndexRebuild takes this row out when it starts).
insert into read_model_rebuild_due (model, reason)
select 'cases', 'V38: the case index names every reporter and every photo of a case'
where exists (select 1 from domain_event_entry);
