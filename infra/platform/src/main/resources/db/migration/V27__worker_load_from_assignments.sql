-- A worker's open cases are counted from case_assignment where they are read (routing, the worker list), no
-- longer kept on the worker's row: that counter was updated by every report routed to the worker, inside the
-- command's transaction, and its row lock made concurrent reports for one worker wait for each other's commit
-- (decision 0034).
create index case_assignment_by_worker on case_assignment (worker_id);
alter table grid_worker drop column open_cases;
