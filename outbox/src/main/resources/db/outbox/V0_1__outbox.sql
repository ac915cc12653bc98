-- Events waiting to be relayed to Kafka, written in the same transaction as the change they describe.
CREATE TABLE outbox_message (
    id           uuid PRIMARY KEY,
    position     bigint GENERATED ALWAYS AS IDENTITY,
    topic        varchar(200) NOT NULL,
    message_key  varchar(200) NOT NULL,
    event_type   varchar(200) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    published_at timestamptz
);

-- The relay reads only unsent rows, in write order.
CREATE INDEX outbox_message_unsent ON outbox_message (position) WHERE published_at IS NULL;
CREATE INDEX outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL;
