-- The units a dossier's lateness is charged to (issue 18, "Who is charged"): one row per unit that held
-- the dossier past its stage's own deadline (its row of form 05 is LATE), with the number of its late
-- stages and the working time it lost. Written when the result is handed over; the dossier's
-- responsible_unit is the unit that lost the most. Portable SQL for H2 2.x and PostgreSQL 14+.
CREATE TABLE dossier_responsible_unit (
    dossier_id           BIGINT       NOT NULL REFERENCES dossier (id),
    unit                 VARCHAR(50)  NOT NULL,
    late_stages          INT          NOT NULL,
    working_minutes_late INT          NOT NULL,
    PRIMARY KEY (dossier_id, unit)
);
CREATE INDEX ix_responsible_unit_unit ON dossier_responsible_unit (unit);
