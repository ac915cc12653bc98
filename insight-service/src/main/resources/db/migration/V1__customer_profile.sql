-- What insight knows of a customer, built only from events.
CREATE TABLE customer_profile (
    customer_id   uuid PRIMARY KEY,
    segment       varchar(40) NOT NULL,
    status        varchar(20) NOT NULL,
    registered_at timestamptz NOT NULL
);
CREATE INDEX customer_profile_segment ON customer_profile (segment);
