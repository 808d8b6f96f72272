-- The public API's per-client limits (vn.motcua.citizen.ClientThrottle), shared by every node of a cluster:
-- one row per client and counted act, locked (SELECT ... FOR UPDATE) while the limit is checked and the act
-- recorded, so that concurrent requests on any node cannot pass the limit together (issues 19, 20).
-- hits: the wall-clock epoch milliseconds of the acts still inside the window, oldest first, comma-separated
-- (at most the largest limit + 1 of them). Portable SQL for H2 2.x and PostgreSQL 14+.
CREATE TABLE client_throttle (
    throttle_key  VARCHAR(200)    PRIMARY KEY,
    hits          VARCHAR(20000)  NOT NULL,
    last_hit_ms   BIGINT          NOT NULL
);
CREATE INDEX ix_client_throttle_last_hit ON client_throttle (last_hit_ms);
