-- The officers' dossier search (GET /api/dossiers, DossierRepository#search), issue 8. Measured with
-- `bench history` over 1,000,000 returned dossiers (docs/performance.md): without these indexes a search
-- by applicant or by unit reads the whole table (hundreds of ms); with them it reads one index range,
-- newest first. Portable SQL for H2 2.x and PostgreSQL 14+.

-- By applicant: citizen ID (exact) or full name (exact, as written), newest first.
CREATE INDEX ix_dossier_applicant_id ON dossier (applicant_id_number, received_at);
CREATE INDEX ix_dossier_applicant_name ON dossier (applicant_name, received_at);

-- An officer's own units (receiving, competent or current), newest first: one range per unit and column,
-- merged by the planner.
CREATE INDEX ix_dossier_receiving_received ON dossier (receiving_unit, received_at);
CREATE INDEX ix_dossier_competent_received ON dossier (competent_unit, received_at);
CREATE INDEX ix_dossier_current_received ON dossier (current_unit, received_at);
