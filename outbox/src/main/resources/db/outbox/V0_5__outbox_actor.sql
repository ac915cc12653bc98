-- Who caused each event and in which call, beside the payload for audit queries; null in older rows.
ALTER TABLE outbox_message ADD COLUMN request_id varchar(128), ADD COLUMN actor varchar(100);
