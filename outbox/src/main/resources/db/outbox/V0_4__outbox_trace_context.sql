-- The W3C traceparent of the request that wrote the event, so its trace continues through Kafka.
ALTER TABLE outbox_message ADD COLUMN traceparent varchar(55);
