-- Working-day calendar: days added by an administrator (vn.motcua.calendar).
-- They override the holiday file for their date. Portable between H2 2.x and PostgreSQL 15.
-- "day" is a reserved word in H2 2.x, so the column is always written quoted and in lower case
-- (lower case is also what PostgreSQL folds the unquoted name to).
CREATE TABLE calendar_day (
    "day"      DATE                     NOT NULL,
    kind       VARCHAR(32)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    note       VARCHAR(500),
    created_by VARCHAR(100),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_calendar_day PRIMARY KEY ("day"),
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('DAY_OFF', 'MAKEUP_WORKING_DAY'))
);
