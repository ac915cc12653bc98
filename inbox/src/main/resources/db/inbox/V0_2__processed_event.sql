-- Ids of the events this service has applied, recorded in the same transaction as their effect,
-- so that a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   varchar(200) NOT NULL,
    processed_at timestamptz  NOT NULL
);
