-- Tasklist's "due soon" and "overdue" filters (TasklistFilters) ask for the open tasks of the officer's units by
-- due date; the engine has no index on ACT_RU_TASK.DUE_DATE_. At 100,000 open dossiers PostgreSQL read every
-- open task for "overdue" (a sequential scan of 100,000 rows, 20 ms of each count and each list, and
-- Tasklist's HAL list asks both; docs/performance.md, "Tasklist"). With this index a filter reads only the
-- tasks in its range of due dates, or starts from the unit's candidate links when that range is large.
--
-- An index on an engine table: see V9 for the order (Flyway after the process engine). The same file for H2
-- and PostgreSQL, kept per database as V9 is.
CREATE INDEX ix_act_ru_task_duedate ON ACT_RU_TASK (DUE_DATE_);
