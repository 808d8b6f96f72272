-- The build of the model generator that last generated each catalogue procedure (issue 27): with the row's
-- hash and the latest definition unchanged, an import (every start-up) skips generating the model again; a
-- new build of the generator makes the next import check each row in full once. Written by
-- vn.motcua.catalogue.CatalogueImport. Portable SQL for H2 2.x and PostgreSQL 14+.
ALTER TABLE catalogue_procedure ADD COLUMN generator_fingerprint VARCHAR(64);
