-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): the search by code prefix
-- (code LIKE '000.01.30.H60-2611%'). The unique index on code serves LIKE prefixes only in the "C"
-- collation; databases created with another collation (en_US.UTF-8, C.UTF-8 on PostgreSQL 15) need
-- the pattern operator class. H2 uses its unique index for LIKE prefixes and needs nothing.
CREATE INDEX ix_dossier_code_pattern ON dossier (code varchar_pattern_ops);
