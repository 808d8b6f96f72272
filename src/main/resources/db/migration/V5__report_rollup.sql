-- Roll-up of the sealed dossiers for the supervisors' reports (vn.motcua.report.ReportRollup,
-- docs/reports.md "Roll-up"). Portable SQL for H2 2.x and PostgreSQL 14+.

-- Which roll-up batch counted the dossier; NULL: the reports count it live from this table.
-- Only sealed dossiers (refused at reception 3, withdrawn 7, stopped 8, returned 10) are rolled up.
ALTER TABLE dossier ADD COLUMN rollup_batch BIGINT;

-- The live part of a report is "not rolled up and alive in the period": rollup_batch IS NULL AND
-- (closed_at IS NULL OR closed_at >= from), two ranges under the NULL prefix. The roll-up finds the sealed
-- dossiers not yet rolled up through the same prefix (closed_at IS NOT NULL).
CREATE INDEX ix_dossier_rollup ON dossier (rollup_batch, closed_at);

-- The flows of the rolled-up dossiers per day (in Vietnam's time), unit and procedure. A dossier adds to
-- the row of the day of each of its events: reception (received, received_online), closing (closed,
-- withdrawn), decision (resolved…, processing seconds, ratings…), apology letter signed, and the first
-- and the day after the last day whose end found it open and overdue (overdue_delta +1 / -1).
-- unit is the competent unit, except for late_charged: the unit charged with the delay.
-- Stocks follow by summing from the beginning: open at the end of day T = received up to T - closed up to T.
CREATE TABLE report_rollup (
    report_day              DATE          NOT NULL,
    unit                    VARCHAR(50)   NOT NULL,
    procedure_key           VARCHAR(100)  NOT NULL,
    procedure_name          VARCHAR(300),
    received                BIGINT        DEFAULT 0 NOT NULL,
    received_online         BIGINT        DEFAULT 0 NOT NULL,
    closed                  BIGINT        DEFAULT 0 NOT NULL,
    overdue_delta           BIGINT        DEFAULT 0 NOT NULL,
    resolved                BIGINT        DEFAULT 0 NOT NULL,
    resolved_early          BIGINT        DEFAULT 0 NOT NULL,
    resolved_on_time        BIGINT        DEFAULT 0 NOT NULL,
    resolved_late           BIGINT        DEFAULT 0 NOT NULL,
    withdrawn               BIGINT        DEFAULT 0 NOT NULL,
    apologies               BIGINT        DEFAULT 0 NOT NULL,
    late_charged            BIGINT        DEFAULT 0 NOT NULL,
    processing_seconds      DECIMAL(24,9) DEFAULT 0 NOT NULL,
    processing_seconds_max  DECIMAL(24,9),
    late_days               BIGINT        DEFAULT 0 NOT NULL,
    late_days_count         BIGINT        DEFAULT 0 NOT NULL,
    rated                   BIGINT        DEFAULT 0 NOT NULL,
    satisfied               BIGINT        DEFAULT 0 NOT NULL,
    resolved_with_apology   BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT pk_report_rollup PRIMARY KEY (report_day, unit, procedure_key)
);

-- One row: every writer of report_rollup (a roll-up batch, an un-roll, a rebuild) holds its lock, so two
-- nodes never write the roll-up at once; last_batch numbers the batches (dossier.rollup_batch).
CREATE TABLE report_rollup_lock (
    id          INT           NOT NULL,
    last_batch  BIGINT        NOT NULL,
    last_run_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_report_rollup_lock PRIMARY KEY (id)
);
INSERT INTO report_rollup_lock (id, last_batch) VALUES (1, 0);
