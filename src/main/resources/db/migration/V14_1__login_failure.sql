-- Issue 19: login throttling per source (client address) and account (vn.motcua.security.LoginThrottle), in the
-- database so that every node of a cluster applies the same delays. account '*' counts every account's failures
-- from the source. A row is removed by a successful login of that account from that source.
CREATE TABLE login_failure (
    source           VARCHAR(128)  NOT NULL,
    account          VARCHAR(128)  NOT NULL,
    failures         INT           NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, account)
);
