-- Dossiers submitted on the national public-service portal (docs/portal.md, "Dossiers in"): the portal's own
-- dossier number, kept beside ours and sent back in every status event. Unique: a retried delivery of one
-- portal dossier never makes a second dossier (NULLs, the dossiers not from the portal, do not collide).
-- Portable SQL for H2 2.x and PostgreSQL 14+.
ALTER TABLE dossier ADD COLUMN portal_dossier_number VARCHAR(60);
CREATE UNIQUE INDEX uq_dossier_portal_number ON dossier (portal_dossier_number);
