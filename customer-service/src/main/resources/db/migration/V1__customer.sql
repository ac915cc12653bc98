CREATE TABLE customer (
    id           uuid PRIMARY KEY,
    display_name varchar(200),
    email        varchar(320),
    segment      varchar(40)  NOT NULL,
    status       varchar(20)  NOT NULL,
    version      bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);

-- One active customer per email; erased and merged customers free their email.
CREATE UNIQUE INDEX customer_active_email ON customer (email) WHERE status = 'ACTIVE';
CREATE INDEX customer_segment ON customer (segment, id);
