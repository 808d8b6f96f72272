-- Supervisors' reports (vn.motcua.report). Portable SQL for H2 2.x and PostgreSQL 14+.

-- When the dossier left processing: the decision (resolved or refused after appraisal), the withdrawal
-- or stop, or the refusal at reception. NULL while it is being processed. One column so that "alive in
-- a period" (received before its end, not closed before its start) is one range on one index.
ALTER TABLE dossier ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;

-- Early / on time / late of the decision against the appointment at the moment of the decision
-- (OutcomeClass.of, the same rule as the outcome written at return), known before the result is returned.
ALTER TABLE dossier ADD COLUMN resolution_class VARCHAR(10);

-- Existing rows: closed at the decision, or at the withdrawal / stop / refusal event.
UPDATE dossier SET closed_at = resolved_at WHERE resolved_at IS NOT NULL;
UPDATE dossier SET closed_at = (SELECT MAX(e.occurred_at) FROM dossier_event e WHERE e.dossier_id = dossier.id
    AND e.event_type IN ('WITHDRAWN', 'STOPPED', 'RECEPTION_REFUSED'))
  WHERE closed_at IS NULL AND status IN (3, 7, 8);
UPDATE dossier SET closed_at = updated_at WHERE closed_at IS NULL AND status IN (3, 7, 8);
-- Returned dossiers keep their outcome; a decision not yet returned: late or on time against the appointment.
UPDATE dossier SET resolution_class = outcome WHERE outcome IS NOT NULL;
UPDATE dossier SET resolution_class = CASE WHEN resolved_at > appointment_at THEN 'LATE' ELSE 'ON_TIME' END
  WHERE resolution_class IS NULL AND resolved_at IS NOT NULL AND appointment_at IS NOT NULL;

-- Why these indexes:
-- ix_dossier_closed_appointment: "alive in [from, to)" is closed_at IS NULL OR closed_at >= from (two ranges on the
--   leading column); the overdue and due-soon lists are closed_at IS NULL AND appointment_at < now (prefix + range).
CREATE INDEX ix_dossier_closed_appointment ON dossier (closed_at, appointment_at);
-- ix_dossier_resolved: dossiers resolved in a period (on-time rate per month for the chart).
CREATE INDEX ix_dossier_resolved ON dossier (resolved_at);
-- ix_apology_signed: apology letters signed in a period.
CREATE INDEX ix_apology_signed ON apology_letter (signed_at);
-- The holder of an open dossier and since when is read from its few control-log rows through the existing
-- ix_control_log_dossier (dossier_id, handed_at): no new index on the largest table.
-- ix_dossier_responsible: the few late dossiers charged to a unit other than the competent one.
CREATE INDEX ix_dossier_responsible ON dossier (responsible_unit, resolved_at);
