-- Digitisation at reception and electronic results (issue 24). Portable SQL for H2 2.x and PostgreSQL 14+.

-- A file of a dossier may now be a scan of one of its documents (purpose SCAN, made at the counter or
-- reused from an earlier dossier of the same applicant) or the signed result (purpose RESULT).
-- document_position / document_name: the document (thành phần hồ sơ) the scan digitises; the name is
-- what a later dossier of the same citizen ID number matches to reuse the scan.
-- origin_file_id / origin_dossier_code: the scan this one was copied from (no foreign key: the origin may
-- be masked by retention while the copy stays valid).
-- signed_by: the subject of the certificate a RESULT file was signed with (PAdES).
ALTER TABLE dossier_file ADD COLUMN document_position INT;
ALTER TABLE dossier_file ADD COLUMN document_name VARCHAR(500);
ALTER TABLE dossier_file ADD COLUMN origin_file_id BIGINT;
ALTER TABLE dossier_file ADD COLUMN origin_dossier_code VARCHAR(40);
ALTER TABLE dossier_file ADD COLUMN signed_by VARCHAR(500);
CREATE INDEX ix_dossier_file_document ON dossier_file (document_name, purpose);
