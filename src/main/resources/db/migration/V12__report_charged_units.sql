-- Issue 18, report 06a: apology letters signed after their legal limit get a column of their own, and a
-- late dossier counts in "Quá hạn do đơn vị gây ra" once for each unit charged with its delay (its rows of
-- dossier_responsible_unit), no longer for the one unit that lost the most. Portable SQL for H2 2.x and
-- PostgreSQL 14+.
ALTER TABLE report_rollup ADD COLUMN apologies_late BIGINT DEFAULT 0 NOT NULL;

-- The rows already rolled up counted late_charged the old way and no late letter: the roll-up starts again
-- (the reports count every dossier live until the next roll-up batch, whose numbers are the same).
DELETE FROM report_rollup;
UPDATE dossier SET rollup_batch = NULL WHERE rollup_batch IS NOT NULL;
