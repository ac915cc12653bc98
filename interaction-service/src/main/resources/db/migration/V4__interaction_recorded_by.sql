-- Who recorded each touchpoint (an employee or system id, from X-Actor); null in older rows.
ALTER TABLE interaction ADD COLUMN recorded_by varchar(100);
