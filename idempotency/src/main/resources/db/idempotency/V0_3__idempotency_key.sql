-- The first response to each Idempotency-Key, so that a retry gets it again instead of a duplicate.
CREATE TABLE idempotency_key (
    scope           varchar(100) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    status          integer,
    location        varchar(500),
    etag            varchar(200),
    body            text,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
