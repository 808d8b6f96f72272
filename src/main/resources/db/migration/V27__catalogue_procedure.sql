-- Procedures generated from the catalogue file (issue 27, docs/procedures.md "Catalogue import"): for each
-- procedure code, the model last generated and deployed, so that a later import knows whether the latest
-- deployed version is still the generated one (its content hash) or was refined in Modeler (then it is kept).
-- Written by vn.motcua.catalogue.CatalogueImport. Portable SQL for H2 2.x and PostgreSQL 14+.
CREATE TABLE catalogue_procedure (
    code            VARCHAR(16)  NOT NULL PRIMARY KEY,
    process_key     VARCHAR(255) NOT NULL,
    -- hash of the catalogue row (canonical JSON) and of the generated BPMN bytes (SHA-256, hex)
    row_hash        VARCHAR(64)  NOT NULL,
    model_hash      VARCHAR(64)  NOT NULL,
    definition_id   VARCHAR(64)  NOT NULL,
    version         INT          NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
