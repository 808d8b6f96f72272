-- Retention of personal data (docs/personal-data.md): when the personal data of a closed dossier was masked
-- by the retention job. The report facts stay as they were. Portable SQL for H2 2.x and PostgreSQL 14+.
ALTER TABLE dossier ADD COLUMN personal_data_masked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_dossier_retention ON dossier (personal_data_masked_at, closed_at);
